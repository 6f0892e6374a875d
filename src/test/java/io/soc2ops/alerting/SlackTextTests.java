package io.soc2ops.alerting;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Escaping and cutting text for Slack. */
class SlackTextTests {

	@Test
	void escapesWhatSlackReadsAsMarkupAndKeepsTheRest() {
		assertThat(SlackText.mrkdwn("a < b & c > d `e` *f* _g_", 100)).isEqualTo("a &lt; b &amp; c &gt; d ˋeˋ *f* _g_");
		assertThat(SlackText.plain("a < b & `c`", 100)).isEqualTo("a < b & `c`");
	}

	@Test
	void controlCharactersAndLineBreaksInAValueBecomeSpaces() {
		assertThat(SlackText.mrkdwn("one\ntwo\r\u0007three\u2028four", 100)).isEqualTo("one two  three four");
	}

	@Test
	void cutsWithAnEllipsisNeverInsideAnEscapeOrASurrogatePair() {
		assertThat(SlackText.mrkdwn("abcdefghij", 5)).isEqualTo("abcd…");
		// "abc&amp;" would be cut inside the escape: the whole escape goes
		assertThat(SlackText.mrkdwn("abc&def", 6)).isEqualTo("abc…");
		assertThat(SlackText.mrkdwn("ab😀cd", 4)).isEqualTo("ab…");
		assertThat(SlackText.mrkdwn("short", 5)).isEqualTo("short");
	}

	@Test
	void aCodeValueStaysInsideItsBackticksWithinTheLimit() {
		assertThat(SlackText.code("x`y", 10)).isEqualTo("`xˋy`");
		assertThat(SlackText.code("0123456789", 8)).isEqualTo("`01234…`").hasSize(8);
	}

}
