package io.soc2ops.findings;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CopyTextTests {

	@Test
	void escapesWhatTheTextFormatGivesAMeaningAndMarksNulls() throws Exception {
		var rows = List.<Object[]>of(new Object[] { "plain", null, "tab\there", "C:\\path\\{\"a\":1}" },
				new Object[] { "line\nbreak\r", "日本語", "", "end\\" });

		String text = new String(FindingStore.CopyText.of(rows).readAllBytes(), StandardCharsets.UTF_8);

		assertThat(text)
			.isEqualTo("plain\t\\N\ttab\\there\tC:\\\\path\\\\{\"a\":1}\n" + "line\\nbreak\\r\t日本語\t\tend\\\\\n");
	}

	@Test
	void refusesANulCharacterRatherThanCorruptTheRow() {
		assertThatThrownBy(() -> FindingStore.CopyText.of(List.<Object[]>of(new Object[] { "a\0b" })))
			.hasMessageContaining("NUL");
	}

}
