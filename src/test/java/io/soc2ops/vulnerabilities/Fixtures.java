package io.soc2ops.vulnerabilities;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.soc2ops.policies.SlaPolicy;
import io.soc2ops.policies.VulnerabilityPolicyApproved;
import io.soc2ops.policies.VulnerabilitySeverity;
import io.soc2ops.vulnerabilities.ObservedVulnerability.InspectorState;
import io.soc2ops.vulnerabilities.ObservedVulnerability.VulnerabilityKind;
import io.soc2ops.vulnerabilities.ObservedVulnerability.VulnerablePackage;

import static org.awaitility.Awaitility.await;

/**
 * Policies and observations as the policies module and the Inspector2 collector would
 * hand them over.
 */
final class Fixtures {

	static final String REGION = "ap-northeast-1";

	private Fixtures() {
	}

	/**
	 * The reference policy: critical within 1 day, high 7, medium 30; low and
	 * informational none.
	 */
	static SlaPolicy policy(int version, LocalDate effectiveFrom) {
		return policy(version, effectiveFrom, 1, 7, 30, Set.of(), Set.of());
	}

	static SlaPolicy policy(int version, LocalDate effectiveFrom, int critical, int high, int medium,
			Set<String> accounts, Set<String> resourceTypes) {
		var days = new EnumMap<VulnerabilitySeverity, Integer>(VulnerabilitySeverity.class);
		days.put(VulnerabilitySeverity.CRITICAL, critical);
		days.put(VulnerabilitySeverity.HIGH, high);
		days.put(VulnerabilitySeverity.MEDIUM, medium);
		return new SlaPolicy(version, effectiveFrom, days, accounts, resourceTypes, "carol",
				Instant.parse("2026-01-01T00:00:00Z").plus(Duration.ofMinutes(version)), "ab".repeat(32));
	}

	/**
	 * Publishes the approval as the policies module does, in a transaction, and waits
	 * until the listener has kept the version.
	 */
	static void approve(SlaPolicy policy, ApplicationEventPublisher events, PlatformTransactionManager transactions,
			JdbcClient jdbc) {
		new TransactionTemplate(transactions)
			.executeWithoutResult(status -> events.publishEvent(new VulnerabilityPolicyApproved(policy)));
		await().atMost(Duration.ofSeconds(30))
			.until(() -> jdbc.sql("SELECT COUNT(*) FROM event_publication WHERE completion_date IS NULL")
				.query(Long.class)
				.single() == 0
					&& jdbc.sql("SELECT COUNT(*) FROM vulnerability_policy WHERE version = :v")
						.param("v", policy.version())
						.query(Long.class)
						.single() == 1);
	}

	static String account() {
		return String.valueOf(100_000_000_000L + ThreadLocalRandom.current().nextLong(899_999_999_999L));
	}

	static String findingArn(String account) {
		return "arn:aws:inspector2:" + REGION + ":" + account + ":finding/"
				+ Long.toHexString(ThreadLocalRandom.current().nextLong()) + "0123456789abcdef";
	}

	static ObservedVulnerability observed(String findingArn, String account, String instance,
			VulnerabilitySeverity severity, InspectorState state, @Nullable Instant firstObserved, Instant updated) {
		return observed(findingArn, account, instance, severity, state, firstObserved, updated, Map.of());
	}

	static ObservedVulnerability observed(String findingArn, String account, String instance,
			VulnerabilitySeverity severity, InspectorState state, @Nullable Instant firstObserved, Instant updated,
			Map<String, String> tags) {
		return new ObservedVulnerability(findingArn, account, REGION, instance, "AWS_EC2_INSTANCE", tags,
				VulnerabilityKind.PACKAGE_VULNERABILITY, severity, "CVE-2024-6387 - openssh-server", "CVE-2024-6387",
				List.of(new VulnerablePackage("openssh-server", "1:8.9p1-3ubuntu0.6", "1:8.9p1-3ubuntu0.10")), 8.1,
				0.9532, state, firstObserved, updated, updated);
	}

}
