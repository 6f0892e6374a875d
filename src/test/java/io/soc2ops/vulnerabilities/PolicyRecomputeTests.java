package io.soc2ops.vulnerabilities;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.transaction.PlatformTransactionManager;

import io.soc2ops.MovableClock;
import io.soc2ops.evidence.EvidenceLedger;
import io.soc2ops.policies.VulnerabilitySeverity;
import io.soc2ops.vulnerabilities.ObservedVulnerability.InspectorState;
import io.soc2ops.vulnerabilities.ObservedVulnerability.VulnerabilityKind;

/**
 * A policy version approved in the policies module reaches this module only as the
 * {@code VulnerabilityPolicyApproved} event, published here as that module publishes it:
 * each version is kept, the one in force puts every open vulnerability under it in one
 * statement (its result agrees with the rule), fixed ones keep their deadline, and a
 * version effective later waits for its day. Each test has a database of its own.
 */
@SpringBootTest(properties = "soc2ops.test.context=policy-recompute")
@Import(MovableClock.Configuration.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_EACH_TEST_METHOD)
class PolicyRecomputeTests {

	static final Instant NOW = Instant.parse("2026-09-28T10:00:00Z");

	static final String ACCOUNT = "111122223333";

	@Autowired
	VulnerabilityIntake intake;

	@Autowired
	Vulnerabilities vulnerabilities;

	@Autowired
	SlaRecompute recompute;

	@Autowired
	EvidenceLedger ledger;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MovableClock clock;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	PlatformTransactionManager transactions;

	@Test
	void withoutAnApprovedPolicyThereIsNoDeadlineUntilTheFirstVersionIsApproved() {
		clock.set(NOW);
		intake.observed(List
			.of(observed("i-00000000000000001", VulnerabilitySeverity.CRITICAL, NOW.minus(Duration.ofDays(3)))));
		var before = only();
		assertThat(before.dueAt()).isNull();
		assertThat(before.policyVersion()).isNull();
		assertThat(before.deadline()).isEqualTo("no deadline: no approved vulnerability policy was in force");
		assertThat(before.status()).isEqualTo(VulnerabilityStatus.OPEN);

		Fixtures.approve(Fixtures.policy(1, LocalDate.of(2026, 9, 1)), events, transactions, jdbc);

		var after = only();
		assertThat(after.dueAt()).isEqualTo(NOW.minus(Duration.ofDays(2)));
		assertThat(after.policyVersion()).isEqualTo(1);
		assertThat(after.status()).isEqualTo(VulnerabilityStatus.OVERDUE);
		var entry = ledger.entry(ledger.size()).orElseThrow();
		assertThat(entry.action()).isEqualTo("vulnerabilities.deadlines-recomputed");
		assertThat(entry.subject()).isEqualTo("vulnerability-policy:v1");
		assertThat(entry.payload()).contains("\"vulnerabilities\":1").contains("\"approvedBy\":\"carol\"");
	}

	@Test
	void aNewVersionRecomputesEveryOpenVulnerabilityAndLeavesFixedOnesAsTheyWere() {
		clock.set(NOW);
		Fixtures.approve(Fixtures.policy(1, LocalDate.of(2026, 1, 1)), events, transactions, jdbc);
		Instant start = NOW.minus(Duration.ofDays(10));
		intake.observed(List.of(observed("i-00000000000000001", VulnerabilitySeverity.HIGH, start),
				observed("i-00000000000000002", VulnerabilitySeverity.MEDIUM, start)));
		var fixed = Fixtures.observed(Fixtures.findingArn(ACCOUNT), ACCOUNT, "i-00000000000000003",
				VulnerabilitySeverity.HIGH, InspectorState.CLOSED, start, start.plus(Duration.ofDays(2)));
		intake.observed(List.of(fixed));
		long entries = ledger.size();

		Fixtures.approve(Fixtures.policy(2, LocalDate.of(2026, 9, 1), 2, 14, 10, Set.of(), Set.of()), events,
				transactions, jdbc);

		var byResource = all().stream().collect(Collectors.toMap(Vulnerability::resourceId, v -> v));
		assertThat(byResource.get("i-00000000000000001").dueAt()).isEqualTo(start.plus(Duration.ofDays(14)));
		assertThat(byResource.get("i-00000000000000001").status()).isEqualTo(VulnerabilityStatus.OPEN);
		assertThat(byResource.get("i-00000000000000002").dueAt()).isEqualTo(start.plus(Duration.ofDays(10)));
		assertThat(byResource.get("i-00000000000000002").policyVersion()).isEqualTo(2);
		assertThat(byResource.get("i-00000000000000003").dueAt()).isEqualTo(start.plus(Duration.ofDays(7)));
		assertThat(byResource.get("i-00000000000000003").policyVersion()).isEqualTo(1);
		assertThat(ledger.size()).isEqualTo(entries + 1);
		assertThat(ledger.entry(entries + 1).orElseThrow().payload()).contains("\"vulnerabilities\":2");
	}

	@Test
	void aVersionDeliveredAgainChangesNothing() {
		clock.set(NOW);
		var policy = Fixtures.policy(1, LocalDate.of(2026, 1, 1));
		Fixtures.approve(policy, events, transactions, jdbc);
		intake.observed(List.of(observed("i-00000000000000001", VulnerabilitySeverity.HIGH, NOW)));
		recompute.applyPolicyInForce(PolicyApprovals.ACTOR);
		long entries = ledger.size();
		var before = only();

		Fixtures.approve(policy, events, transactions, jdbc);

		assertThat(only()).isEqualTo(before);
		assertThat(ledger.size()).isEqualTo(entries);
		assertThat(vulnerabilities.policies().versions()).hasSize(1);
	}

	@Test
	void aVersionEffectiveFromALaterDayIsAppliedOnThatDay() {
		clock.set(NOW);
		Fixtures.approve(Fixtures.policy(1, LocalDate.of(2026, 1, 1)), events, transactions, jdbc);
		intake.observed(List.of(observed("i-00000000000000001", VulnerabilitySeverity.HIGH, NOW)));

		Fixtures.approve(Fixtures.policy(2, LocalDate.of(2026, 10, 1), 1, 3, 30, Set.of(), Set.of()), events,
				transactions, jdbc);

		assertThat(only().dueAt()).isEqualTo(NOW.plus(Duration.ofDays(7)));
		assertThat(vulnerabilities.policies().inForce()).isEqualTo(1);

		clock.set("2026-10-01T00:00:00Z");
		recompute.applyPolicyInForce(PolicyApprovals.ACTOR);

		assertThat(only().dueAt()).isEqualTo(NOW.plus(Duration.ofDays(3)));
		assertThat(only().policyVersion()).isEqualTo(2);
		assertThat(vulnerabilities.policies().inForce()).isEqualTo(2);
	}

	@Test
	void theSetBasedRecomputeGivesWhatTheRuleGivesForEveryVulnerability() {
		clock.set(NOW);
		var page = new ArrayList<ObservedVulnerability>();
		int i = 0;
		for (String account : List.of("111122223333", "444455556666")) {
			for (String type : List.of("AWS_EC2_INSTANCE", "AWS_ECR_CONTAINER_IMAGE", "AWS_LAMBDA_FUNCTION")) {
				for (var severity : VulnerabilitySeverity.values()) {
					Instant start = NOW.minus(Duration.ofHours(37L * i));
					page.add(new ObservedVulnerability(Fixtures.findingArn(account), account, Fixtures.REGION,
							"resource-" + i++, type, Map.of(), VulnerabilityKind.PACKAGE_VULNERABILITY, severity,
							"title", null, List.of(), null, null, InspectorState.ACTIVE, start, start, start));
				}
			}
		}
		intake.observed(page);
		var policy = Fixtures.policy(4, LocalDate.of(2026, 1, 1), 3, 9, 45, Set.of("444455556666"),
				Set.of("AwsEc2Instance", "AWS_LAMBDA_FUNCTION"));

		Fixtures.approve(policy, events, transactions, jdbc);

		var all = all();
		assertThat(all).hasSize(30);
		var kept = vulnerabilities.policies().versions().getFirst();
		for (var v : all) {
			var expected = Deadline.of(kept, v.accountId(), v.resourceType(), v.severity(), v.startedAt());
			assertThat(v.dueAt()).as(v.accountId() + " " + v.resourceType() + " " + v.severity())
				.isEqualTo(expected.dueAt());
			assertThat(v.policyVersion()).isEqualTo(4);
			assertThat(v.deadline()).isEqualTo(expected.note());
		}
		assertThat(all).filteredOn(v -> v.dueAt() != null).hasSize(6);
		assertThat(all).filteredOn(v -> v.deadline().contains("does not cover")).hasSize(20);
	}

	private static ObservedVulnerability observed(String instance, VulnerabilitySeverity severity, Instant start) {
		return Fixtures.observed(Fixtures.findingArn(ACCOUNT), ACCOUNT, instance, severity, InspectorState.ACTIVE,
				start, start);
	}

	private Vulnerability only() {
		var all = all();
		assertThat(all).hasSize(1);
		return all.getFirst();
	}

	private List<Vulnerability> all() {
		return vulnerabilities.list(VulnerabilityFilter.ALL, 1, 500).items();
	}

}
