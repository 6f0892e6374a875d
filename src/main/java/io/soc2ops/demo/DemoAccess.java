package io.soc2ops.demo;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import io.soc2ops.access.AccessInventory;
import io.soc2ops.access.AccessPeople;
import io.soc2ops.access.AccessReconciliation;
import io.soc2ops.access.AccessRequest;
import io.soc2ops.access.AccessRequestDraft;
import io.soc2ops.access.AccessRequestKind;
import io.soc2ops.access.AccessRequests;
import io.soc2ops.access.AccessReviewOwners;
import io.soc2ops.access.CredentialReports;
import io.soc2ops.access.Offboardings;
import io.soc2ops.access.PersonChange;
import io.soc2ops.access.PersonKey;
import io.soc2ops.evidence.Actor;
import io.soc2ops.identity.Role;
import io.soc2ops.identity.Username;
import io.soc2ops.identity.Users;
import io.soc2ops.schedule.RecurringTask;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The demo's access lifecycle, on the first start: the company's IAM Identity Center as
 * the inventory saw it {@code historyDays} ago and as it is now (a contractor who left is
 * out of his group; one administrator assignment appeared that nobody approved), the
 * production account's IAM credential report then and now, who manages whom and owns
 * which account, a completed offboarding, the access requests that approved what people
 * hold (granted by the security engineer), one request in every other state, a finished
 * review campaign and a running one. All of it goes through the access module's own APIs,
 * as collected and imported data and people's steps do, in one transaction: the
 * reconciliation after it finds the one unapproved assignment and nothing else.
 * <p>
 * Every approved request is decided by the demo's approver and, where two approvers are
 * needed, by a second one created here ({@value #SECOND_APPROVER}, whose random password
 * is never shown).
 */
@Component
@Order(5)
@ConditionalOnBooleanProperty("soc2ops.demo.enabled")
class DemoAccess implements ApplicationRunner {

	static final String LOCATION = "classpath:demo/access.json";

	static final String SECOND_APPROVER = "kato.jun";

	static final String EXPIRY_TASK = "access.request-expiry";

	private static final Logger log = LoggerFactory.getLogger(DemoAccess.class);

	private static final Actor LOADER = Actor.system("demo");

	private static final Pattern AGO = Pattern.compile("\\{\\{daysAgo:([0-9]{1,5})\\}\\}");

	private static final DateTimeFormatter REPORT_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx");

	private final ResourceLoader resources;

	private final AccessInventory inventory;

	private final CredentialReports reports;

	private final AccessPeople people;

	private final AccessReviewOwners owners;

	private final Offboardings offboardings;

	private final AccessRequests requests;

	private final AccessReconciliation reconciliation;

	private final DemoAccessReviews reviews;

	private final DemoResponders responders;

	private final Users users;

	private final List<RecurringTask> tasks;

	private final TransactionTemplate transaction;

	private final Clock clock;

	DemoAccess(ResourceLoader resources, AccessInventory inventory, CredentialReports reports, AccessPeople people,
			AccessReviewOwners owners, Offboardings offboardings, AccessRequests requests,
			AccessReconciliation reconciliation, DemoAccessReviews reviews, DemoResponders responders, Users users,
			List<RecurringTask> tasks, TransactionTemplate transaction, Clock clock) {
		this.resources = resources;
		this.inventory = inventory;
		this.reports = reports;
		this.people = people;
		this.owners = owners;
		this.offboardings = offboardings;
		this.requests = requests;
		this.reconciliation = reconciliation;
		this.reviews = reviews;
		this.responders = responders;
		this.users = users;
		this.tasks = tasks;
		this.transaction = transaction;
		this.clock = clock;
	}

	@Override
	public void run(ApplicationArguments args) throws Exception {
		if (!requests.permissionSets().isEmpty()) {
			return;
		}
		DemoAccessData data;
		try (var in = resources.getResource(LOCATION).getInputStream()) {
			data = JsonMapper.builder()
				.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
				.build()
				.readValue(in, DemoAccessData.class);
		}
		String report = resources.getResource(data.credentialReport().location())
			.getContentAsString(StandardCharsets.UTF_8);
		transaction.executeWithoutResult(status -> load(data, report));
		var run = reconciliation.reconcile("demo");
		log.info("Demo access loaded: {} requests; {} holdings, {} without approval", data.requests().size(),
				run.holdings(), run.open());
	}

	private void load(DemoAccessData data, String report) {
		Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
		Instant then = now.minus(Duration.ofDays(data.historyDays()));
		var security = responders.securityEngineer();
		// the SRE asks for access in the requests, so he must exist
		responders.sre();
		secondApprover();
		inventory.identityCenterCollected(DemoIdentityCenter.at(data, then, false));
		storeReport(data, report, then);
		directory(data, security);
		// first, so that its end has passed when the rest is loaded
		var expiring = data.requests().stream().filter(r -> r.state().equals("EXPIRED")).toList();
		var expired = new ArrayList<AccessRequest>();
		expiring.forEach(spec -> expired.add(request(spec, security)));
		reviews.finished(data, now.minus(Duration.ofDays(DemoAccessReviews.FINISHED_DAYS_AGO)), security);
		offboard(data, security);
		inventory.identityCenterCollected(DemoIdentityCenter.at(data, now.minus(Duration.ofMinutes(5)), true));
		storeReport(data, report, now.minus(Duration.ofMinutes(30)));
		data.requests().stream().filter(r -> !r.state().equals("EXPIRED")).forEach(spec -> request(spec, security));
		reviews.running(security);
		expire(expired);
	}

	private void storeReport(DemoAccessData data, String template, Instant generatedAt) {
		String csv = AGO.matcher(template)
			.replaceAll(match -> OffsetDateTime
				.ofInstant(generatedAt.minus(Duration.ofDays(Long.parseLong(match.group(1)))), ZoneOffset.UTC)
				.format(REPORT_TIME));
		reports.store(data.credentialReport().account(), csv.getBytes(StandardCharsets.UTF_8), generatedAt,
				"file:" + data.credentialReport().location().replace("classpath:", ""), LOADER);
	}

	/** Managers, the soc2ops users people are, and the accounts' owners. */
	private void directory(DemoAccessData data, Actor by) {
		for (var person : data.people()) {
			people.change(new PersonKey(person.userName()), new PersonChange(Optional.ofNullable(person.manager()),
					Optional.ofNullable(person.soc2opsUser()), Optional.empty()), by);
		}
		data.accountOwners().forEach((account, owner) -> owners.set(account, owner, by));
	}

	/** Whoever left: offboarded on the day after, every removal confirmed. */
	private void offboard(DemoAccessData data, Actor by) {
		var today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
		for (var person : data.people()) {
			if (person.leftDaysAgo() == null) {
				continue;
			}
			var offboarding = offboardings.start(new PersonKey(person.userName()),
					today.minusDays(person.leftDaysAgo()), by);
			for (var removal : offboarding.removals()) {
				offboardings.confirm(offboarding.id(), removal.id(),
						"Removed from " + (removal.via().isEmpty() ? "the account assignment" : removal.via())
								+ " in IAM Identity Center.",
						by);
			}
		}
	}

	private AccessRequest request(DemoAccessData.Request spec, Actor operator) {
		Instant now = clock.instant();
		boolean permissionSet = spec.permissionSet() != null;
		@Nullable Instant until = spec.untilDays() != null ? now.plus(Duration.ofDays(spec.untilDays()))
				: spec.untilSeconds() != null ? now.plusSeconds(spec.untilSeconds()) : null;
		var by = Actor.user(spec.by());
		var request = requests.request(new AccessRequestDraft(spec.person(),
				permissionSet ? AccessRequestKind.PERMISSION_SET : AccessRequestKind.IAM_POLICY,
				permissionSet ? spec.permissionSet() : spec.iamPolicy(), spec.accounts(), spec.reason(), until,
				spec.ticket()), by);
		for (String approver : spec.approvers()) {
			request = requests.approve(request.id(), null, Actor.user(approver));
		}
		switch (spec.state()) {
			case "GRANTED", "EXPIRED" -> {
				for (String account : request.accountIds()) {
					request = requests.confirmGrant(request.id(), account,
							permissionSet ? "Assigned in IAM Identity Center." : "Policy attached to the IAM user.",
							operator);
				}
			}
			case "REJECTED" ->
				request = requests.reject(request.id(), spec.note(), Actor.user(String.valueOf(spec.rejectedBy())));
			case "WITHDRAWN" -> request = requests.withdraw(request.id(), by);
			case "PENDING" -> {
			}
			default -> throw new IllegalStateException(
					"demo/access.json: request state '" + spec.state() + "' is not one the demo knows");
		}
		return request;
	}

	/**
	 * Expires the requests whose end has passed, as the recurring task does every minute,
	 * once it has.
	 */
	private void expire(List<AccessRequest> expired) {
		for (var request : expired) {
			Instant until = request.until().orElseThrow();
			while (!clock.instant().isAfter(until)) {
				try {
					Thread.sleep(Math.max(1, Duration.between(clock.instant(), until).toMillis() + 1));
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					throw new IllegalStateException("interrupted while the demo waited for a request to expire", ex);
				}
			}
		}
		if (!expired.isEmpty()) {
			tasks.stream()
				.filter(task -> task.name().equals(EXPIRY_TASK))
				.findFirst()
				.orElseThrow(() -> new IllegalStateException("no recurring task " + EXPIRY_TASK))
				.body()
				.run();
		}
	}

	/** A second approver, for what needs two; nobody signs in as them. */
	private void secondApprover() {
		var username = Username.of(SECOND_APPROVER);
		if (users.find(username).isEmpty()) {
			byte[] bytes = new byte[24];
			new SecureRandom().nextBytes(bytes);
			users.create(username, "加藤 純 (CTO)", Set.of(Role.APPROVER), Base64.getUrlEncoder().encodeToString(bytes),
					LOADER);
		}
	}

}
