package io.soc2ops.identity;

import static io.soc2ops.identity.Role.ADMIN;
import static io.soc2ops.identity.Role.APPROVER;
import static io.soc2ops.identity.Role.AUDITOR;
import static io.soc2ops.identity.Role.ENGINEER;
import static io.soc2ops.identity.Role.OPERATOR;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;

import org.springframework.security.core.Authentication;

/**
 * Changes that only some roles may make. {@link AccessRules} enforces them on requests;
 * the UI asks the same question to decide which buttons to show.
 */
public enum Capability {

	RECORD_CONTROL_TESTS(ADMIN, OPERATOR, ENGINEER), ADMINISTER_USERS(ADMIN), READ_USERS(ADMIN, AUDITOR),
	READ_METRICS(ADMIN, OPERATOR),
	/** Upload or import files of findings. */
	IMPORT_FINDINGS(ADMIN, OPERATOR),
	/** Push EventBridge events; an API destination's token belongs to an operator. */
	SEND_EVENTS(ADMIN, OPERATOR),
	/**
	 * See the AWS connection: its settings, the latest connection check, the collection
	 * syncs. Account IDs, role names and error messages map the estate, so only those who
	 * run or audit it.
	 */
	READ_AWS(ADMIN, OPERATOR, AUDITOR),
	/** Run the connection check and the Security Hub collection. */
	RUN_AWS(ADMIN, OPERATOR),
	/** See when recurring tasks ran, how that went and when they run next. */
	READ_SCHEDULES(ADMIN, OPERATOR, AUDITOR),

	/** Create, change, enable and disable alert rules (everyone reads and tries them). */
	MANAGE_ALERT_RULES(ADMIN, OPERATOR),

	/**
	 * Create alert routes, replace their webhook URLs, switch them on and off and send
	 * them a test message (everyone reads them: a read never holds the URL).
	 */
	MANAGE_ALERT_ROUTES(ADMIN, OPERATOR),

	/**
	 * Work an alert's case: acknowledge, investigate, assign, note, close, reopen
	 * (accepting a risk needs ADMIN besides). Everyone reads cases.
	 */
	RESPOND_TO_ALERTS(ADMIN, OPERATOR, ENGINEER),

	/** Retry dead alert deliveries (everyone sees the outbox). */
	MANAGE_ALERT_DELIVERIES(ADMIN, OPERATOR),

	/**
	 * Draft a new version of a policy, from the form, the API or a file (everyone reads
	 * policies and their history).
	 */
	DRAFT_POLICIES(ADMIN, OPERATOR, APPROVER),

	/**
	 * Approve or reject a draft version of a policy: management's decision, so APPROVER
	 * only (ADMIN alone is not enough), and never on a version one drafted oneself.
	 */
	APPROVE_POLICIES(APPROVER),

	/**
	 * Ask for an exception to the vulnerability SLA (a risk acceptance); everyone reads
	 * vulnerabilities, exceptions and the period report.
	 */
	REQUEST_VULNERABILITY_EXCEPTIONS(ADMIN, OPERATOR, ENGINEER),

	/**
	 * Approve or reject an exception to the vulnerability SLA, never one's own request.
	 */
	DECIDE_VULNERABILITY_EXCEPTIONS(APPROVER),

	/**
	 * Ask for access to AWS accounts (a permission set or an IAM policy), and withdraw
	 * one's own request; everyone reads requests.
	 */
	REQUEST_ACCESS(ADMIN, OPERATOR, ENGINEER, APPROVER),

	/**
	 * Approve or reject an access request, never one's own nor one for oneself.
	 */
	DECIDE_ACCESS_REQUESTS(APPROVER),

	/**
	 * Confirm that approved access was granted by hand, and have soc2ops try a failed
	 * automatic grant again.
	 */
	GRANT_ACCESS(ADMIN, OPERATOR),

	/**
	 * Revoke approved access before its end, with a reason: those who grant it and those
	 * who approve it (revoking only takes access away).
	 */
	REVOKE_ACCESS(ADMIN, OPERATOR, APPROVER),

	/**
	 * Create access review campaigns, assign their items and set account owners (everyone
	 * reads reviews and downloads their evidence).
	 */
	MANAGE_ACCESS_REVIEWS(ADMIN, OPERATOR),

	/**
	 * Keep or revoke the access review items assigned to oneself (never one's own
	 * access).
	 */
	REVIEW_ACCESS(ADMIN, OPERATOR, APPROVER, ENGINEER),

	/**
	 * Read the people behind AWS principals (managers, leaving dates) and the
	 * offboardings: personal data, so not every engineer.
	 */
	READ_PEOPLE(ADMIN, OPERATOR, APPROVER, AUDITOR),

	/** Set a person's manager, soc2ops user and leaving date. */
	MANAGE_PEOPLE(ADMIN, OPERATOR),

	/**
	 * Start an offboarding, add holdings to it and confirm its removals (they change AWS,
	 * so those who run it).
	 */
	RUN_OFFBOARDINGS(ADMIN, OPERATOR),

	/**
	 * Open the removal of unapproved access (an exception of the access reconciliation)
	 * and reconcile on demand; everyone reads who has access to what and the exceptions.
	 */
	MANAGE_ACCESS_EXCEPTIONS(ADMIN, OPERATOR);

	private final Set<Role> roles;

	Capability(Role... roles) {
		this.roles = EnumSet.copyOf(java.util.List.of(roles));
	}

	public Set<Role> roles() {
		return roles;
	}

	public boolean allows(Collection<Role> held) {
		return held.stream().anyMatch(roles::contains);
	}

	public boolean allows(Authentication authentication) {
		return authentication.getAuthorities()
			.stream()
			.anyMatch(a -> roles.stream().anyMatch(r -> r.authority().equals(a.getAuthority())));
	}

	String[] roleNames() {
		return roles.stream().map(Role::name).toArray(String[]::new);
	}

}
