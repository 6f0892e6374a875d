package io.soc2ops.alerting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.soc2ops.findings.Severity;

/** An invalid rule never becomes a draft; the parser's message names the field. */
class AlertRuleDraftTests {

	@Test
	void aValueThatIsNotAListNamesItsField() {
		assertThatThrownBy(() -> draft("""
				{"detail": {"findings": {"ProductName": "GuardDuty"}}}""")).isInstanceOf(AlertingException.class)
			.hasMessage("pattern: detail.findings.ProductName: \"ProductName\" must be an object or an array"
					+ " (line 1, column 42)");
	}

	@Test
	void anUnknownOperatorIsNamed() {
		assertThatThrownBy(() -> draft("""
				{"detail": {"x": [{"startswith": "a"}]}}"""))
			.hasMessage("pattern: detail.x.startswith: Unrecognized match type startswith (line 1, column 35)");
	}

	@Test
	void aNumericComparisonNeedsANumber() {
		assertThatThrownBy(() -> draft("""
				{"detail": {"findings": {"Severity": {"Normalized": [{"numeric": [">", "high"]}]}}}}"""))
			.hasMessageStartingWith("pattern: detail.findings.Severity.Normalized.numeric: Value of > must be numeric");
	}

	@Test
	void notJsonAndNotAnObjectAreRefused() {
		assertThatThrownBy(() -> draft("source = aws.securityhub"))
			.hasMessageStartingWith("pattern: Unrecognized token");
		assertThatThrownBy(() -> draft("[\"aws.securityhub\"]"))
			.hasMessage("pattern: Filter is not an object (line 1, column 2)");
		assertThatThrownBy(() -> draft("")).hasMessageStartingWith("pattern: is required");
		assertThatThrownBy(() -> draft("{\"a\": [\"" + "x".repeat(5000) + "\"]}")).hasMessageContaining("at most 4096");
	}

	@Test
	void namesAndRoutesAreEventBridgeNames() {
		assertThatThrownBy(() -> new AlertRuleDraft("no spaces", DefaultRule.pattern(), Severity.LOW, List.of(), true))
			.hasMessageStartingWith("name: must be 1-64 letters");
		assertThatThrownBy(
				() -> new AlertRuleDraft("ok", DefaultRule.pattern(), Severity.LOW, List.of("slack", "slack"), true))
			.hasMessage("routes: 'slack' is named twice");
		assertThat(new AlertRuleDraft("guardduty.high_1-a", DefaultRule.pattern(), Severity.HIGH,
				List.of("security-slack"), true)
			.routes()).containsExactly("security-slack");
	}

	@Test
	void theShippedPatternIsExactlyTheReferenceRule() {
		assertThat(DefaultRule.pattern()).isEqualTo("{\"source\": [\"aws.securityhub\"], "
				+ "\"detail-type\": [\"Security Hub Findings - Imported\"], \"detail\": {\"findings\": "
				+ "{\"ProductName\": [\"GuardDuty\"], \"RecordState\": [\"ACTIVE\"], \"Workflow\": {\"Status\": [\"NEW\"]}}}}");
	}

	private static AlertRuleDraft draft(String pattern) {
		return new AlertRuleDraft("rule", pattern, Severity.INFORMATIONAL, List.of(), true);
	}

}
