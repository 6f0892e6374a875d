package io.soc2ops.alerting;

import static io.soc2ops.alerting.Events.envelope;
import static io.soc2ops.alerting.Events.guardDuty;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.soc2ops.alerting.EventTrial.Kind;
import io.soc2ops.alerting.EventTrial.Outcome;
import io.soc2ops.alerting.EventTrial.RuleVerdict;
import io.soc2ops.findings.Severity;

/**
 * Patterns mean here what they mean in EventBridge: the shipped rule against AWS's
 * published GuardDuty finding, the common operators, arrays, and events with several
 * findings, each judged by itself.
 */
class AlertRuleMatchingTests {

	@Test
	void theDefaultRuleRaisesAnAlertForANewActiveGuardDutyFinding() {
		var verdict = only(trial(rule("default", DefaultRule.pattern()), envelope(guardDuty())));

		assertThat(verdict.outcome()).isEqualTo(Outcome.RAISES);
		assertThat(verdict.misses()).isEmpty();
	}

	@Test
	void theDefaultRuleNamesProductNameWhenTheFindingPredatesIt() {
		var verdict = only(trial(rule("default", DefaultRule.pattern()), envelope(Events.guardDutyAsPublished())));

		assertThat(verdict.outcome()).isEqualTo(Outcome.NO_MATCH);
		assertThat(verdict.misses()).singleElement().satisfies(miss -> {
			assertThat(miss.kind()).isEqualTo(Kind.ABSENT);
			assertThat(miss.field()).isEqualTo("detail.findings.ProductName");
			assertThat(miss.wanted()).isEqualTo("[\"GuardDuty\"]");
		});
	}

	@Test
	void theDefaultRuleIgnoresArchivedAndNotifiedFindingsAndSaysWhy() {
		var archived = guardDuty(f -> f.put("RecordState", "ARCHIVED"));
		var notified = guardDuty(f -> f.putObject("Workflow").put("Status", "NOTIFIED"));

		var trial = trial(rule("default", DefaultRule.pattern()), envelope(archived, notified));

		assertThat(trial.findings()).hasSize(2);
		var first = trial.findings().get(0).rules().getFirst();
		assertThat(first.outcome()).isEqualTo(Outcome.NO_MATCH);
		assertThat(first.misses()).singleElement().satisfies(miss -> {
			assertThat(miss.kind()).isEqualTo(Kind.DIFFERENT);
			assertThat(miss.field()).isEqualTo("detail.findings.RecordState");
			assertThat(miss.found()).containsExactly("\"ARCHIVED\"");
			assertThat(miss.describe())
				.isEqualTo("detail.findings.RecordState: the event has \"ARCHIVED\"; the pattern wants [\"ACTIVE\"]");
		});
		assertThat(trial.findings().get(1).rules().getFirst().misses()).singleElement()
			.satisfies(miss -> assertThat(miss.field()).isEqualTo("detail.findings.Workflow.Status"));
	}

	@Test
	void eachFindingOfAnEventIsJudgedByItself() {
		var high = guardDuty(f -> f.put("Id", "high").putObject("Severity").put("Label", "HIGH"));
		var archived = guardDuty(f -> f.put("Id", "archived").put("RecordState", "ARCHIVED"));
		var medium = guardDuty(f -> f.put("Id", "medium"));

		var trial = trial(rule("default", DefaultRule.pattern()), envelope(high, archived, medium));

		assertThat(trial.findings()).extracting(EventTrial.FindingTrial::finding)
			.containsExactly("high", "archived", "medium");
		assertThat(trial.findings()).extracting(f -> f.rules().getFirst().outcome())
			.containsExactly(Outcome.RAISES, Outcome.NO_MATCH, Outcome.RAISES);
	}

	@Test
	void aFindingBelowTheSeverityFloorRaisesNothing() {
		var rule = rule("high-only", DefaultRule.pattern(), Severity.HIGH);

		var medium = only(trial(rule, envelope(guardDuty())));
		var critical = only(trial(rule, envelope(guardDuty(f -> f.putObject("Severity").put("Normalized", 95)))));

		assertThat(medium.outcome()).isEqualTo(Outcome.BELOW_FLOOR);
		assertThat(critical.outcome()).isEqualTo(Outcome.RAISES);
	}

	@Test
	void prefixMatchesTheStartOfAValue() {
		var rule = rule("ssh", """
				{"detail": {"findings": {"Types": [{"prefix": "TTPs/Initial Access/"}]}}}""");

		assertThat(only(trial(rule, envelope(guardDuty()))).outcome()).isEqualTo(Outcome.RAISES);
		var other = only(trial(rule, envelope(guardDuty(f -> f.putArray("Types").add("Effects/Data Exfiltration")))));
		assertThat(other.outcome()).isEqualTo(Outcome.NO_MATCH);
		assertThat(other.misses().getFirst().found()).containsExactly("\"Effects/Data Exfiltration\"");
	}

	@Test
	void anythingButMatchesEveryOtherValueButNotAMissingField() {
		var rule = rule("not-low", """
				{"detail": {"findings": {"Severity": {"Label": [{"anything-but": ["LOW", "INFORMATIONAL"]}]}}}}""");

		assertThat(only(trial(rule, envelope(guardDuty()))).outcome()).isEqualTo(Outcome.RAISES);
		var low = only(trial(rule, envelope(guardDuty(f -> f.putObject("Severity").put("Label", "LOW")))));
		assertThat(low.outcome()).isEqualTo(Outcome.NO_MATCH);
		assertThat(low.misses().getFirst().kind()).isEqualTo(Kind.DIFFERENT);
		var unlabelled = only(trial(rule, envelope(guardDuty(f -> f.putObject("Severity").put("Normalized", 40)))));
		assertThat(unlabelled.outcome()).isEqualTo(Outcome.NO_MATCH);
		assertThat(unlabelled.misses().getFirst().kind()).isEqualTo(Kind.ABSENT);
	}

	@Test
	void numericComparesNumbersAsNumbers() {
		var rule = rule("severe", """
				{"detail": {"findings": {"Severity": {"Normalized": [{"numeric": [">=", 70]}]}}}}""");

		var forty = only(trial(rule, envelope(guardDuty())));
		var seventy = only(trial(rule, envelope(guardDuty(f -> f.putObject("Severity").put("Normalized", 70.0)))));

		assertThat(forty.outcome()).isEqualTo(Outcome.NO_MATCH);
		assertThat(forty.misses().getFirst().describe()).isEqualTo(
				"detail.findings.Severity.Normalized: the event has 40; the pattern wants [{\"numeric\":[\">=\",70]}]");
		assertThat(seventy.outcome()).isEqualTo(Outcome.RAISES);
	}

	@Test
	void existsAsksForAFieldOrItsAbsence() {
		var withNote = rule("noted", """
				{"detail": {"findings": {"Note": {"Text": [{"exists": true}]}}}}""");
		var withoutNote = rule("unnoted", """
				{"detail": {"findings": {"Note": {"Text": [{"exists": false}]}}}}""");
		var noted = envelope(guardDuty(f -> f.putObject("Note").put("Text", "looked at")));

		assertThat(trial(List.of(withNote, withoutNote), envelope(guardDuty())).findings().getFirst().rules())
			.extracting(RuleVerdict::outcome)
			.containsExactly(Outcome.NO_MATCH, Outcome.RAISES);
		assertThat(trial(List.of(withNote, withoutNote), noted).findings().getFirst().rules())
			.extracting(RuleVerdict::outcome)
			.containsExactly(Outcome.RAISES, Outcome.NO_MATCH);
	}

	@Test
	void fieldsUnderAnArrayMustMatchInTheSameElement() {
		// two resources: an EC2 instance in us-east-1 and an S3 bucket in ap-northeast-1
		var twoResources = guardDuty(f -> {
			var resources = f.putArray("Resources");
			resources.addObject().put("Type", "AwsEc2Instance").put("Id", "i-1").put("Region", "us-east-1");
			resources.addObject().put("Type", "AwsS3Bucket").put("Id", "b").put("Region", "ap-northeast-1");
		});
		var tokyoInstance = rule("tokyo-instance", """
				{"detail": {"findings": {"Resources": {"Type": ["AwsEc2Instance"], "Region": ["ap-northeast-1"]}}}}""");
		var virginiaInstance = rule("virginia-instance", """
				{"detail": {"findings": {"Resources": {"Type": ["AwsEc2Instance"], "Region": ["us-east-1"]}}}}""");

		var verdicts = trial(List.of(tokyoInstance, virginiaInstance), envelope(twoResources)).findings()
			.getFirst()
			.rules();

		assertThat(verdicts).extracting(RuleVerdict::outcome).containsExactly(Outcome.NO_MATCH, Outcome.RAISES);
		assertThat(verdicts.getFirst().misses()).singleElement()
			.satisfies(miss -> assertThat(miss.kind()).isEqualTo(Kind.NOT_IN_ONE_ELEMENT));
	}

	@Test
	void eachAlternativeOfOrSaysWhatItMisses() {
		var rule = rule("either",
				"""
						{"detail": {"findings": {"$or": [{"ProductName": ["Inspector"]}, {"Severity": {"Label": ["CRITICAL"]}}]}}}""");

		var verdict = only(trial(rule, envelope(guardDuty())));

		assertThat(verdict.outcome()).isEqualTo(Outcome.NO_MATCH);
		assertThat(verdict.misses()).extracting(EventTrial.Miss::describe)
			.containsExactly(
					"alternative 1 of $or: detail.findings.ProductName: the event has \"GuardDuty\"; the pattern wants [\"Inspector\"]",
					"alternative 2 of $or: detail.findings.Severity.Label: the event has \"MEDIUM\"; the pattern wants [\"CRITICAL\"]");
	}

	@Test
	void aRuleThatIsOffMatchesButRaisesNothing() {
		var off = new AlertRule("off", DefaultRule.pattern(), Severity.INFORMATIONAL, List.of(), false, "user:a",
				Instant.EPOCH, "user:a", Instant.EPOCH, 1);

		var trial = trial(off, envelope(guardDuty()));

		assertThat(only(trial).outcome()).isEqualTo(Outcome.DISABLED);
		assertThat(trial.raisesAny()).isFalse();
	}

	@Test
	void anEventWithoutFindingsIsMatchedWhole() {
		var rule = rule("ec2", """
				{"source": ["aws.ec2"], "detail": {"state": ["terminated"]}}""");

		var trial = trial(rule,
				"""
						{"source": "aws.ec2", "detail-type": "EC2 Instance State-change Notification", "detail": {"state": "running"}}""");

		assertThat(trial.findings()).singleElement().satisfies(event -> assertThat(event.number()).isZero());
		assertThat(only(trial).misses()).extracting(EventTrial.Miss::field).containsExactly("detail.state");
	}

	@Test
	void anEventThatIsNotAJsonObjectIsRefused() {
		var rule = rule("default", DefaultRule.pattern());

		org.assertj.core.api.Assertions.assertThatThrownBy(() -> trial(rule, "[1, 2]"))
			.isInstanceOf(AlertingException.class)
			.hasMessage("event: must be one EventBridge event, a JSON object");
		org.assertj.core.api.Assertions.assertThatThrownBy(() -> trial(rule, "{\"source\": "))
			.isInstanceOf(AlertingException.class)
			.hasMessageStartingWith("event: not valid JSON");
	}

	static AlertRule rule(String name, String pattern) {
		return rule(name, pattern, Severity.INFORMATIONAL);
	}

	static AlertRule rule(String name, String pattern, Severity floor) {
		new AlertRuleDraft(name, pattern, floor, List.of(), true);
		return new AlertRule(name, pattern, floor, List.of(), true, "user:test", Instant.EPOCH, "user:test",
				Instant.EPOCH, 1);
	}

	static EventTrial trial(AlertRule rule, String event) {
		return trial(List.of(rule), event);
	}

	static EventTrial trial(List<AlertRule> rules, String event) {
		return RuleTrials.trial(rules, event);
	}

	static RuleVerdict only(EventTrial trial) {
		assertThat(trial.findings()).hasSize(1);
		assertThat(trial.findings().getFirst().rules()).hasSize(1);
		return trial.findings().getFirst().rules().getFirst();
	}

}
