package io.soc2ops.demo;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import io.soc2ops.evidence.Actor;
import io.soc2ops.findings.FindingsIntake;
import io.soc2ops.findings.IntakeChannel;
import io.soc2ops.vulnerabilities.RiskAcceptanceRequest;
import io.soc2ops.vulnerabilities.RiskAcceptances;
import io.soc2ops.vulnerabilities.Vulnerabilities;
import io.soc2ops.vulnerabilities.VulnerabilityFilter;
import io.soc2ops.vulnerabilities.VulnerabilityNotifications;

/**
 * The demo's Amazon Inspector findings, on the first start, once version 1 of the
 * vulnerability policy is in force: they go through the findings intake as findings from
 * Security Hub do and become vulnerabilities of two teams in the three accounts, some
 * fixed within the SLA, some fixed late, some overdue, some open, one with an exception
 * the security engineer asked for and the approver granted, and one whose exception waits
 * for an approver. Then the first notification sweep, so the demo's Slack shows the
 * breaches, what is due soon and each team's digest at once.
 * <p>
 * Version 1 comes into force on the day the demo is first loaded (its approval day), so
 * the findings wait for the vulnerabilities module to have it (its listener runs after
 * the approval commits): every vulnerability, those Inspector closed before today too,
 * then gets its deadline under version 1, counted from its first observation, as a
 * vulnerability first seen under a policy does.
 */
@Component
@Order(4)
@ConditionalOnBooleanProperty("soc2ops.demo.enabled")
class DemoVulnerabilities implements ApplicationRunner {

	static final String EXCEPTED_CVE = "CVE-2023-48795";

	static final String REQUESTED_CVE = "CVE-2023-28322";

	private static final Duration POLICY_WAIT = Duration.ofSeconds(60);

	private static final Logger log = LoggerFactory.getLogger(DemoVulnerabilities.class);

	private static final Actor LOADER = Actor.system("demo");

	private final DemoSettings settings;

	private final ResourceLoader resources;

	private final FindingsIntake findings;

	private final Vulnerabilities vulnerabilities;

	private final RiskAcceptances exceptions;

	private final VulnerabilityNotifications notifications;

	private final DemoResponders responders;

	private final TransactionTemplate transaction;

	private final Clock clock;

	DemoVulnerabilities(DemoSettings settings, ResourceLoader resources, FindingsIntake findings,
			Vulnerabilities vulnerabilities, RiskAcceptances exceptions, VulnerabilityNotifications notifications,
			DemoResponders responders, TransactionTemplate transaction, Clock clock) {
		this.settings = settings;
		this.resources = resources;
		this.findings = findings;
		this.vulnerabilities = vulnerabilities;
		this.exceptions = exceptions;
		this.notifications = notifications;
		this.responders = responders;
		this.transaction = transaction;
		this.clock = clock;
	}

	@Override
	public void run(ApplicationArguments args) throws Exception {
		if (vulnerabilities.counts().values().stream().mapToLong(Long::longValue).sum() > 0) {
			return;
		}
		awaitPolicyInForce();
		String json = DemoOrganisation.withDates(
				resources.getResource(settings.inspectorFindingsLocation()).getContentAsString(StandardCharsets.UTF_8),
				clock.instant());
		transaction.executeWithoutResult(status -> {
			findings.accept(json, IntakeChannel.DEMO, settings.inspectorFindingsLocation(), LOADER);
			askForExceptions();
		});
		try {
			var run = notifications.sweep();
			log.info("Demo vulnerabilities loaded: {} breached and {} due soon flagged, {} digests, {} Slack messages",
					run.breached(), run.dueSoon(), run.digests(), run.delivered());
		}
		catch (RuntimeException ex) {
			log.warn("Demo vulnerabilities loaded; their first notifications wait for the next sweep: {}",
					ex.getMessage());
		}
	}

	private void awaitPolicyInForce() throws InterruptedException {
		long until = System.nanoTime() + POLICY_WAIT.toNanos();
		while (vulnerabilities.policyInForce().isEmpty()) {
			if (System.nanoTime() > until) {
				throw new IllegalStateException(
						"Demo: no vulnerability policy reached the vulnerabilities module within "
								+ POLICY_WAIT.toSeconds() + " s, so its Inspector findings would have no deadlines");
			}
			Thread.sleep(100);
		}
	}

	/**
	 * The card gateway appliance's SSH finding, excepted until the vendor's update; the
	 * admin host's curl finding, waiting for an approver.
	 */
	private void askForExceptions() {
		var today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
		var requested = exceptions.request(new RiskAcceptanceRequest(List.of(idOf(EXCEPTED_CVE)),
				"The card gateway is a vendor appliance: only the vendor can update its SSH server, and their fixed "
						+ "release is due next month.",
				"SSH to the appliance is allowed only from the bastion's security group, so Terrapin would need a "
						+ "position inside that path; its SSH sessions are reviewed weekly.",
				today.plusDays(30)), responders.securityEngineer());
		exceptions.approve(requested.id(), "Accepted until the vendor's update; tracked in CHG-245.",
				Actor.user(DemoPolicies.APPROVER));
		exceptions.request(new RiskAcceptanceRequest(List.of(idOf(REQUESTED_CVE)),
				"curl on the admin tools host runs only the backup script, with fixed URLs and no POST after a PUT "
						+ "on one handle.",
				"The host takes no inbound connections; the script and its URLs are in version control.",
				today.plusDays(60)), responders.sre());
	}

	private long idOf(String cve) {
		return vulnerabilities.list(VulnerabilityFilter.ALL, 1, Vulnerabilities.MAX_PAGE_SIZE)
			.items()
			.stream()
			.filter(item -> cve.equals(item.cve()))
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("the demo's Inspector findings have no " + cve))
			.id();
	}

}
