package io.soc2ops.vulnerabilities;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

import io.soc2ops.MovableClock;
import io.soc2ops.evidence.Actor;
import io.soc2ops.evidence.EvidenceLedger;
import io.soc2ops.identity.Role;
import io.soc2ops.identity.Username;
import io.soc2ops.identity.Users;
import io.soc2ops.policies.VulnerabilitySeverity;
import io.soc2ops.vulnerabilities.ObservedVulnerability.InspectorState;

/**
 * Exceptions to the SLA: requested with reason, compensating control and expiry, decided
 * by an approver who did not ask; each step in the ledger; refused requests change
 * nothing; and once the expiry day has passed the vulnerability is overdue again.
 */
@SpringBootTest(properties = "soc2ops.test.context=risk-acceptances")
@Import(MovableClock.Configuration.class)
class RiskAcceptancesTests {

	static final Instant NOW = Instant.parse("2026-09-28T10:00:00Z");

	static final Actor ENGINEER = Actor.user("erin");

	static final Actor APPROVER = Actor.user("alice");

	/** An engineer who is also an approver. */
	static final Actor BOTH = Actor.user("bob");

	@Autowired
	RiskAcceptances exceptions;

	@Autowired
	VulnerabilityIntake intake;

	@Autowired
	Vulnerabilities vulnerabilities;

	@Autowired
	EvidenceLedger ledger;

	@Autowired
	Users users;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MovableClock clock;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	PlatformTransactionManager transactions;

	String account;

	long overdue;

	@BeforeEach
	void anOverdueVulnerability() {
		clock.set(NOW);
		Fixtures.approve(Fixtures.policy(1, LocalDate.of(2026, 1, 1)), events, transactions, jdbc);
		user(ENGINEER, Role.ENGINEER);
		user(APPROVER, Role.APPROVER);
		user(BOTH, Role.ENGINEER, Role.APPROVER);
		account = Fixtures.account();
		intake.observed(List.of(Fixtures.observed(Fixtures.findingArn(account), account, "i-0123456789abcdef0",
				VulnerabilitySeverity.CRITICAL, InspectorState.ACTIVE, NOW.minus(Duration.ofDays(3)), NOW)));
		overdue = list().getFirst().id();
		assertThat(list().getFirst().status()).isEqualTo(VulnerabilityStatus.OVERDUE);
	}

	@Test
	void anApproverWhoDidNotAskApprovesAndTheVulnerabilityIsExcepted() {
		long before = ledger.size();

		var requested = exceptions.request(request(LocalDate.of(2026, 10, 31)), ENGINEER);
		var approved = exceptions.approve(requested.id(), "patched kernel needs a reboot window", APPROVER);

		assertThat(requested.state()).isEqualTo(RiskAcceptance.State.REQUESTED);
		assertThat(approved.state()).isEqualTo(RiskAcceptance.State.APPROVED);
		assertThat(approved.decidedBy()).isEqualTo("user:alice");
		assertThat(approved.vulnerabilities()).containsExactly(overdue);
		var item = list().getFirst();
		assertThat(item.status()).isEqualTo(VulnerabilityStatus.EXCEPTED);
		assertThat(item.exceptionId()).isEqualTo(approved.id());
		assertThat(vulnerabilities.find(overdue).orElseThrow().exceptions()).containsExactly(approved);
		assertThat(ledger.size()).isEqualTo(before + 2);
		var request = ledger.entry(before + 1).orElseThrow();
		assertThat(request.action()).isEqualTo("vulnerability-exception.requested");
		assertThat(request.subject()).isEqualTo("vulnerability-exception:" + requested.id());
		assertThat(request.actor()).isEqualTo(ENGINEER);
		assertThat(request.payload()).contains("\"expiresOn\":\"2026-10-31\"")
			.contains("\"compensatingControl\":\"WAF rule blocks the exploit path\"");
		assertThat(ledger.entry(before + 2).orElseThrow().action()).isEqualTo("vulnerability-exception.approved");
	}

	@Test
	void anApproverNeverApprovesTheirOwnRequest() {
		var requested = exceptions.request(request(LocalDate.of(2026, 10, 31)), BOTH);
		long before = ledger.size();

		assertThatThrownBy(() -> exceptions.approve(requested.id(), null, BOTH))
			.isInstanceOfSatisfying(VulnerabilityRefused.class,
					ex -> assertThat(ex.reason()).isEqualTo(VulnerabilityRefused.Reason.NOT_ALLOWED))
			.hasMessageContaining("bob requested exception " + requested.id() + " and may not decide on it");

		assertThat(exceptions.find(requested.id()).orElseThrow().state()).isEqualTo(RiskAcceptance.State.REQUESTED);
		assertThat(list().getFirst().status()).isEqualTo(VulnerabilityStatus.OVERDUE);
		assertThat(ledger.size()).isEqualTo(before);
	}

	@Test
	void onlyAnApproverDecidesAndARejectionNeedsANote() {
		var requested = exceptions.request(request(LocalDate.of(2026, 10, 31)), ENGINEER);

		assertThatThrownBy(() -> exceptions.approve(requested.id(), null, Actor.user("erin-two")))
			.isInstanceOf(VulnerabilityRefused.class)
			.hasMessageContaining("needs one of the roles [APPROVER]");
		assertThatThrownBy(() -> exceptions.approve(requested.id(), null, Actor.system("demo")))
			.hasMessageContaining("that takes a person");
		assertThatThrownBy(() -> exceptions.reject(requested.id(), " ", APPROVER)).hasMessage("note: is required");

		var rejected = exceptions.reject(requested.id(), "patch instead: the window is on Saturday", APPROVER);

		assertThat(rejected.state()).isEqualTo(RiskAcceptance.State.REJECTED);
		assertThat(list().getFirst().status()).isEqualTo(VulnerabilityStatus.OVERDUE);
		assertThatThrownBy(() -> exceptions.approve(requested.id(), null, APPROVER)).isInstanceOfSatisfying(
				VulnerabilityRefused.class,
				ex -> assertThat(ex.reason()).isEqualTo(VulnerabilityRefused.Reason.CONFLICT));
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', nullValues = "null",
			textBlock = """
					no expiry            | null       | reason | control | expiresOn: is required: an exception must expire, at most 365 days ahead
					expiry today         | 2026-09-28 | reason | control | expiresOn: must be after today (2026-09-28) but was 2026-09-28
					expiry over a year   | 2027-09-29 | reason | control | expiresOn: must be at most 365 days ahead (by 2027-09-28) but was 2027-09-29
					no reason            | 2026-10-31 | null   | control | reason: is required
					no control           | 2026-10-31 | reason | ' '     | compensatingControl: is required
					""")
	void aBadRequestIsRefusedByNameAndChangesNothing(String name, @Nullable LocalDate expiresOn,
			@Nullable String reason, @Nullable String control, String message) {
		long entries = ledger.size();
		long stored = exceptionCount();

		assertThatThrownBy(() -> exceptions
			.request(new RiskAcceptanceRequest(List.of(overdue), reason, control, expiresOn), ENGINEER))
			.isInstanceOfSatisfying(VulnerabilityRefused.class,
					ex -> assertThat(ex.reason()).isEqualTo(VulnerabilityRefused.Reason.INVALID))
			.hasMessage(message);

		assertThat(ledger.size()).isEqualTo(entries);
		assertThat(exceptionCount()).isEqualTo(stored);
	}

	@Test
	void anUnknownOrFixedVulnerabilityOrAPersonWithoutTheRoleIsRefused() {
		long entries = ledger.size();
		long stored = exceptionCount();

		assertThatThrownBy(() -> exceptions.request(
				new RiskAcceptanceRequest(List.of(overdue, 987654321L), "r", "c", LocalDate.of(2026, 10, 1)), ENGINEER))
			.hasMessage("no vulnerability 987654321");
		assertThatThrownBy(() -> exceptions.request(request(LocalDate.of(2026, 10, 1)), APPROVER))
			.hasMessageContaining("alice may not request exceptions");
		assertThatThrownBy(() -> exceptions
			.request(new RiskAcceptanceRequest(List.of(), "r", "c", LocalDate.of(2026, 10, 1)), ENGINEER))
			.hasMessage("vulnerabilities: must list 1-1000 vulnerability IDs");

		assertThat(ledger.size()).isEqualTo(entries);
		assertThat(exceptionCount()).isEqualTo(stored);
	}

	@Test
	void onceItsExpiryDayHasPassedTheVulnerabilityIsOverdueAgainAndTheExpiryIsRecorded() {
		var approved = exceptions.approve(exceptions.request(request(LocalDate.of(2026, 10, 5)), ENGINEER).id(), null,
				APPROVER);
		clock.set("2026-10-05T23:59:59Z");
		assertThat(list().getFirst().status()).isEqualTo(VulnerabilityStatus.EXCEPTED);
		assertThat(exceptions.recordExpiries()).isZero();

		clock.set("2026-10-06T00:00:00Z");

		assertThat(list().getFirst().status()).as("before the expiry is recorded too")
			.isEqualTo(VulnerabilityStatus.OVERDUE);
		assertThat(
				vulnerabilities.list(new VulnerabilityFilter(VulnerabilityStatus.OVERDUE, null, account, null), 1, 10)
					.items())
			.extracting(Vulnerability::id)
			.containsExactly(overdue);
		long before = ledger.size();
		assertThat(exceptions.recordExpiries()).isEqualTo(1);
		assertThat(exceptions.recordExpiries()).isZero();
		assertThat(exceptions.find(approved.id()).orElseThrow().state()).isEqualTo(RiskAcceptance.State.EXPIRED);
		assertThat(ledger.size()).isEqualTo(before + 1);
		var expiry = ledger.entry(before + 1).orElseThrow();
		assertThat(expiry.action()).isEqualTo("vulnerability-exception.expired");
		assertThat(expiry.subject()).isEqualTo(approved.subject());
		assertThat(list().getFirst().status()).isEqualTo(VulnerabilityStatus.OVERDUE);
	}

	private RiskAcceptanceRequest request(LocalDate expiresOn) {
		return new RiskAcceptanceRequest(List.of(overdue), "vendor has no fix for this kernel yet",
				"WAF rule blocks the exploit path", expiresOn);
	}

	private List<Vulnerability> list() {
		return vulnerabilities.list(new VulnerabilityFilter(null, null, account, null), 1, 10).items();
	}

	private long exceptionCount() {
		return jdbc.sql("SELECT COUNT(*) FROM vulnerability_exception").query(Long.class).single();
	}

	private void user(Actor actor, Role... roles) {
		var name = Username.of(actor.name());
		if (users.find(name).isEmpty()) {
			users.create(name, actor.name(), Set.of(roles), "a-long-enough-password", Actor.system("test"));
		}
	}

}
