package io.soc2ops.demo;

import java.io.PrintStream;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import io.soc2ops.evidence.Actor;
import io.soc2ops.identity.Role;
import io.soc2ops.identity.Username;
import io.soc2ops.identity.Users;
import io.soc2ops.policies.VulnerabilityPolicies;
import io.soc2ops.policies.VulnerabilityPolicyTerms;
import io.soc2ops.policies.VulnerabilitySeverity;

/**
 * The demo's vulnerability management policy, on the first start: version 1 with the
 * reference deadlines, drafted by the security engineer and approved by the demo's
 * approver, and version 2 (HIGH within 5 days instead of 7) waiting for approval. The
 * approver is a person one can sign in as, so a new user approves the change as a second
 * person: their password is random and printed once to the console, never to the log, as
 * the first admin's is.
 */
@Component
@Order(3)
@ConditionalOnBooleanProperty("soc2ops.demo.enabled")
class DemoPolicies implements ApplicationRunner {

	static final String APPROVER = "suzuki.hana";

	private static final Logger log = LoggerFactory.getLogger(DemoPolicies.class);

	private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

	private final VulnerabilityPolicies policies;

	private final DemoResponders responders;

	private final Users users;

	private final TransactionTemplate transaction;

	private final Clock clock;

	private final PrintStream console = System.out;

	/** The approver's password while it has not been printed; never logged. */
	private volatile @Nullable String newPassword;

	DemoPolicies(VulnerabilityPolicies policies, DemoResponders responders, Users users,
			TransactionTemplate transaction, Clock clock) {
		this.policies = policies;
		this.responders = responders;
		this.users = users;
		this.transaction = transaction;
		this.clock = clock;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!policies.history().isEmpty()) {
			return;
		}
		try {
			load();
		}
		catch (RuntimeException ex) {
			// nothing was stored, the approver neither: a password for nobody is not
			// shown
			newPassword = null;
			throw ex;
		}
		log.info("Demo policy: version 1 approved by {}, version 2 waiting for approval", APPROVER);
	}

	private void load() {
		transaction.executeWithoutResult(status -> {
			var author = responders.securityEngineer();
			var approver = approver();
			var today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
			var first = policies.draft(VulnerabilityPolicyTerms.reference(today,
					"Reference SLA of Kumo Logistics: critical vulnerabilities fixed within a day, high within a week, "
							+ "medium within a month, low within a quarter; informational ones are reviewed without "
							+ "a deadline. Covers every account and resource type."),
					"demo", author);
			policies.approve(first.version(), first.sha256(), "Agreed in the security committee.", approver);
			policies.draft(first.terms()
				.withDays(VulnerabilitySeverity.HIGH, 5)
				.with(today, "HIGH within 5 days instead of 7: two HIGH findings on internet-facing instances "
						+ "stayed open for a week last quarter."),
					"demo", author);
		});
	}

	@EventListener(ApplicationReadyEvent.class)
	@Order(101)
	void announce() {
		String password = newPassword;
		if (password == null) {
			return;
		}
		newPassword = null;
		console.printf("  Demo: to approve policy changes as a second person, sign in as '%s' (APPROVER)%n"
				+ "  with this password (shown only now):%n%n      %s%n%n", APPROVER, password);
	}

	private Actor approver() {
		var username = Username.of(APPROVER);
		if (users.find(username).isEmpty()) {
			String password = generate();
			users.create(username, "鈴木 花 (VP Engineering)", Set.of(Role.APPROVER), password, Actor.system("demo"));
			newPassword = password;
		}
		return Actor.user(APPROVER);
	}

	private static String generate() {
		var random = new SecureRandom();
		var password = new StringBuilder();
		for (int i = 0; i < 20; i++) {
			password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
		}
		return password.toString();
	}

}
