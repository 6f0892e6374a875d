package io.soc2ops.access;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.soc2ops.evidence.Actor;
import io.soc2ops.evidence.EvidenceLedger;
import io.soc2ops.evidence.EvidenceRecord;
import io.soc2ops.identity.Capability;
import io.soc2ops.identity.Role;
import io.soc2ops.identity.User;
import io.soc2ops.identity.Username;
import io.soc2ops.identity.Users;

/**
 * Who owns each AWS account: the reviewer of the access of people in it who have no
 * manager (or manage themselves). Setting and removing an owner are ledger entries; a
 * campaign reads the owners when it is created.
 */
@Service
public class AccessReviewOwners {

	private static final Pattern ACCOUNT = Pattern.compile("[0-9]{12}");

	private final JdbcClient jdbc;

	private final EvidenceLedger ledger;

	private final Users users;

	private final Clock clock;

	AccessReviewOwners(JdbcClient jdbc, EvidenceLedger ledger, Users users, Clock clock) {
		this.jdbc = jdbc;
		this.ledger = ledger;
		this.users = users;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public List<ReviewAccountOwner> all() {
		return jdbc.sql("SELECT * FROM access_account_owner ORDER BY account_id")
			.query((rs, row) -> new ReviewAccountOwner(rs.getString("account_id").strip(), rs.getString("owner"),
					ReviewCampaignStore.instant(rs, "updated_at").orElseThrow(), rs.getString("updated_by")))
			.list();
	}

	@Transactional(readOnly = true)
	public Optional<ReviewAccountOwner> find(String accountId) {
		return all().stream().filter(owner -> owner.accountId().equals(accountId.strip())).findFirst();
	}

	/**
	 * @throws AccessRefused for an account ID that is not 12 digits, an owner who is not
	 * an enabled user, or a caller who may not manage reviews
	 */
	@Transactional
	public ReviewAccountOwner set(String accountId, String owner, Actor by) {
		String account = account(accountId);
		Username name;
		try {
			name = Username.of(owner.strip());
		}
		catch (IllegalArgumentException ex) {
			throw AccessRefused.invalid("owner: " + ex.getMessage());
		}
		if (users.find(name).filter(User::enabled).isEmpty()) {
			throw AccessRefused.invalid("owner: no enabled user " + name);
		}
		require(by);
		Instant now = clock.instant();
		int updated = jdbc
			.sql("UPDATE access_account_owner SET owner = :owner, updated_at = :now, updated_by = :by"
					+ " WHERE account_id = :account")
			.param("owner", name.value())
			.param("now", ReviewCampaignStore.time(now))
			.param("by", by.toString())
			.param("account", account)
			.update();
		if (updated == 0) {
			jdbc.sql("INSERT INTO access_account_owner (account_id, owner, updated_at, updated_by)"
					+ " VALUES (:account, :owner, :now, :by)")
				.param("owner", name.value())
				.param("now", ReviewCampaignStore.time(now))
				.param("by", by.toString())
				.param("account", account)
				.update();
		}
		record("access.account-owner-set", by, account, Map.of("owner", name.value()));
		return find(account).orElseThrow();
	}

	/**
	 * @return whether the account had an owner
	 */
	@Transactional
	public boolean remove(String accountId, Actor by) {
		String account = account(accountId);
		require(by);
		var before = find(account);
		if (before.isEmpty()) {
			return false;
		}
		jdbc.sql("DELETE FROM access_account_owner WHERE account_id = :account").param("account", account).update();
		record("access.account-owner-removed", by, account, Map.of("owner", before.get().owner()));
		return true;
	}

	private static String account(String accountId) {
		String account = accountId.strip();
		if (!ACCOUNT.matcher(account).matches()) {
			throw AccessRefused
				.invalid("account: '" + ReviewScope.shown(account) + "' is not a 12-digit AWS account ID");
		}
		return account;
	}

	private void require(Actor by) {
		if (by.kind() == Actor.Kind.SYSTEM) {
			return;
		}
		var roles = users.person(by).map(User::roles).orElse(Set.<Role>of());
		if (!Capability.MANAGE_ACCESS_REVIEWS.allows(roles)) {
			throw AccessRefused.forbidden(by.name() + " may not set account owners (that needs one of the roles "
					+ Capability.MANAGE_ACCESS_REVIEWS.roles() + ")");
		}
	}

	private void record(String action, Actor by, String account, Map<String, ?> payload) {
		var details = new LinkedHashMap<String, Object>(payload);
		details.put("account", account);
		ledger.record(new EvidenceRecord(action, by, "access", "aws-account:" + account,
				LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC), details));
	}

}
