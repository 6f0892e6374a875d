package io.soc2ops.access;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import io.soc2ops.evidence.Actor;
import io.soc2ops.identity.Capability;

/**
 * Checks a new access request part by part, naming the field that does not hold, and
 * stores it; nothing is stored when any part is refused.
 */
@Component
class AccessRequestIntake {

	/** The furthest ahead access may end. */
	static final Duration MOST_AHEAD = Duration.ofDays(365);

	static final int MAX_REASON = 2000;

	static final int MAX_ACCOUNTS = 50;

	private static final Pattern ACCOUNT_ID = Pattern.compile("[0-9]{12}");

	/** An IAM policy name (IAM's own rule), or a policy ARN. */
	private static final Pattern POLICY_NAME = Pattern.compile("[A-Za-z0-9+=,.@_-]{1,128}");

	private static final Pattern POLICY_ARN = Pattern
		.compile("arn:aws[a-z-]*:iam::(aws|[0-9]{12}):policy/([A-Za-z0-9+=,.@_/-]{1,512})");

	private final AccessRequestStore store;

	private final GrantInventory inventory;

	private final KnownAccounts accounts;

	private final AccessRequestPeople people;

	private final Clock clock;

	AccessRequestIntake(AccessRequestStore store, GrantInventory inventory, KnownAccounts accounts,
			AccessRequestPeople people, Clock clock) {
		this.store = store;
		this.inventory = inventory;
		this.accounts = accounts;
		this.people = people;
		this.clock = clock;
	}

	/**
	 * @return the new request's ID
	 */
	long take(AccessRequestDraft draft, Actor by) {
		people.require(by, Capability.REQUEST_ACCESS, "request access");
		Instant now = clock.instant();
		PersonKey person = person(draft.person(), by);
		if (draft.kind() == null) {
			throw AccessRefused.invalid("kind: is required: PERMISSION_SET or IAM_POLICY");
		}
		var accountIds = accounts(draft.accounts());
		String reason = reason(draft.reason());
		Instant until = until(draft.until(), now);
		String ticket = draft.ticketUrl() == null || draft.ticketUrl().isBlank() ? null
				: AccessTicket.of(draft.ticketUrl()).url();
		String entitlement = text("entitlement", draft.entitlement());
		String ref;
		boolean privileged;
		if (draft.kind() == AccessRequestKind.PERMISSION_SET) {
			var set = permissionSet(entitlement);
			ref = set.arn();
			privileged = set.privileged();
		}
		else {
			if (!POLICY_NAME.matcher(entitlement).matches() && !POLICY_ARN.matcher(entitlement).matches()) {
				throw AccessRefused.invalid("entitlement: '" + shown(entitlement)
						+ "' is neither an IAM policy name nor a policy ARN (arn:aws:iam::<account or aws>:policy/<name>)");
			}
			ref = entitlement;
			privileged = inventory.privilegedPolicy(entitlement);
		}
		return store.insert(new AccessRequestStore.NewRequest(person, by.toString(), draft.kind(), entitlement, ref,
				privileged, privileged ? 2 : 1, reason, until, ticket, accountIds, now));
	}

	private PersonKey person(@Nullable String given, Actor by) {
		if (given == null || given.isBlank()) {
			return people.personOf(by)
				.orElseThrow(() -> AccessRefused.invalid("person: is required: " + by.name()
						+ " is not linked to a person (their Identity Center user name), so name whom the access is for"));
		}
		try {
			return new PersonKey(given);
		}
		catch (IllegalArgumentException ex) {
			throw AccessRefused.invalid("person: " + ex.getMessage());
		}
	}

	private List<String> accounts(List<String> given) {
		var ids = new LinkedHashSet<String>();
		given.forEach(id -> ids.add(id == null ? "" : id.strip()));
		if (ids.isEmpty() || ids.size() > MAX_ACCOUNTS) {
			throw AccessRefused.invalid("accounts: must list 1-" + MAX_ACCOUNTS + " account IDs");
		}
		Set<String> known = accounts.all().stream().map(KnownAccount::id).collect(Collectors.toSet());
		for (String id : ids) {
			if (!ACCOUNT_ID.matcher(id).matches()) {
				throw AccessRefused.invalid("accounts: '" + shown(id) + "' is not an AWS account ID (12 digits)");
			}
			if (!known.contains(id)) {
				throw AccessRefused.invalid("accounts: account " + id + " is not one soc2ops knows"
						+ " (neither registered nor in the Organization)");
			}
		}
		return List.copyOf(ids);
	}

	private AccessRequestPermissionSet permissionSet(String name) {
		if (!inventory.collected()) {
			throw AccessRefused.invalid("entitlement: no Identity Center inventory has been collected yet, so no"
					+ " permission set can be checked; collect it before requesting permission sets");
		}
		return inventory.permissionSet(name)
			.orElseThrow(() -> AccessRefused.invalid("entitlement: there is no permission set named '" + shown(name)
					+ "' in the current Identity Center inventory"));
	}

	private static String reason(@Nullable String reason) {
		String text = text("reason", reason);
		if (text.length() > MAX_REASON) {
			throw AccessRefused.invalid("reason: is " + text.length() + " characters; at most " + MAX_REASON);
		}
		return text;
	}

	private static @Nullable Instant until(@Nullable Instant until, Instant now) {
		if (until == null) {
			return null;
		}
		if (!until.isAfter(now)) {
			throw AccessRefused.invalid("until: must be later than now (" + now + ") but was " + until);
		}
		if (until.isAfter(now.plus(MOST_AHEAD))) {
			throw AccessRefused.invalid("until: must be at most " + MOST_AHEAD.toDays() + " days ahead (by "
					+ now.plus(MOST_AHEAD) + ") but was " + until);
		}
		return until;
	}

	private static String text(String field, @Nullable String value) {
		if (value == null || value.isBlank()) {
			throw AccessRefused.invalid(field + ": is required");
		}
		if (value.indexOf('\0') >= 0) {
			throw AccessRefused.invalid(field + ": holds a NUL character, which cannot be stored");
		}
		return value.strip();
	}

	/** A value from outside as a message shows it: cut, on one line. */
	static String shown(String value) {
		String line = value.replaceAll("\\p{Cntrl}", " ");
		return line.length() > 80 ? line.substring(0, 80) + "…" : line;
	}

}
