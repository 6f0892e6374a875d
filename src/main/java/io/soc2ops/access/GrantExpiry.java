package io.soc2ops.access;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The end of approved access whose {@code until} passed: each request in a transaction of
 * its own, taken by a conditional move from APPROVED to EXPIRED so that a second sweep or
 * instance skips it. Its cover ends at {@code until}; each account's holding gets a
 * removal ({@code EXPIRED}, cause {@code request:<id>}, due {@code until} plus
 * {@code expiry-grace}) for an operator, unless another approved request still covers the
 * same access; where soc2ops manages Identity Center assignments it deletes the
 * assignment itself and confirms the removal ({@link GrantCourier}).
 */
@Component
class GrantExpiry {

	static final int BATCH = 100;

	private final AccessRequestStore requests;

	private final GrantStore grants;

	private final GrantInventory inventory;

	private final AccessRemovals removals;

	private final AccessRequestLedger ledger;

	private final AccessRequestSettings settings;

	private final ObjectProvider<IdentityCenterAssignments> assignments;

	private final TransactionTemplate transactions;

	private final JdbcClient jdbc;

	private final Clock clock;

	GrantExpiry(AccessRequestStore requests, GrantStore grants, GrantInventory inventory, AccessRemovals removals,
			AccessRequestLedger ledger, AccessRequestSettings settings,
			ObjectProvider<IdentityCenterAssignments> assignments, TransactionTemplate transactions, JdbcClient jdbc,
			Clock clock) {
		this.requests = requests;
		this.grants = grants;
		this.inventory = inventory;
		this.removals = removals;
		this.ledger = ledger;
		this.settings = settings;
		this.assignments = assignments;
		this.transactions = transactions;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * @return how many requests expired now
	 */
	int sweep() {
		int expired = 0;
		for (long id : requests.expiredBy(clock.instant(), BATCH)) {
			Boolean done = transactions.execute(status -> expire(id));
			expired += Boolean.TRUE.equals(done) ? 1 : 0;
		}
		return expired;
	}

	private boolean expire(long id) {
		var request = requests.find(id, account -> Optional.empty()).orElseThrow();
		Instant until = request.until().orElseThrow();
		Instant now = clock.instant();
		if (!requests.move(id, AccessRequestState.APPROVED, AccessRequestState.EXPIRED, now)) {
			return false;
		}
		requests.closeCover(id, until);
		boolean automatic = request.kind() == AccessRequestKind.PERMISSION_SET && assignments.getIfAvailable() != null;
		var ended = new ArrayList<Map<String, Object>>();
		for (var grant : request.grants()) {
			var line = new GrantStore.Line(id, grant.accountId());
			var account = new LinkedHashMap<String, Object>();
			account.put("account", grant.accountId());
			account.put("grant", grant.state().name());
			var other = requests.otherCover(request, grant.accountId(), now);
			if (other.isPresent()) {
				grants.end(line, null, false, now);
				account.put("stillCoveredBy", "access-request:" + other.get());
			}
			else {
				var removal = removals.open(RemovalReason.EXPIRED, "request:" + id, holding(request, grant.accountId()),
						until.plus(settings.requests().expiryGrace()), AccessRequestLedger.ACTOR);
				grants.end(line, removal.id(), automatic, now);
				account.put("removal", removal.id());
			}
			ended.add(account);
		}
		var expired = requests.find(id, account -> Optional.empty()).orElseThrow();
		ledger.record("access-request.expired", AccessRequestLedger.ACTOR, expired,
				Map.of("expiredAt", until.toString(), "ended", ended, "removedBy",
						automatic ? RemovalMethod.IDENTITY_CENTER.name() : RemovalMethod.OPERATOR.name()));
		return true;
	}

	/**
	 * The holding the request's access is, as the inventory lists it; else as soc2ops
	 * expects it (the user name as AWS spells it, where the inventory knows the user).
	 */
	private Holding holding(AccessRequest request, String account) {
		var kind = request.kind().holdingKind();
		String entitlement = AccessRequestStore.coveredEntitlement(request);
		return jdbc
			.sql("SELECT * FROM access_holding WHERE gone_at IS NULL AND kind = :kind AND account_id = :account"
					+ " AND person = :person AND entitlement = :entitlement AND via = '' ORDER BY id")
			.param("kind", kind.name())
			.param("account", account)
			.param("person", request.person().value())
			.param("entitlement", entitlement)
			.query(GrantExpiry::holding)
			.list()
			.stream()
			.findFirst()
			.orElseGet(() -> new Holding(0, kind, account, request.person(), kind == HoldingKind.ASSIGNMENT
					? inventory.userName(request.person()).orElse(request.person().value()) : request.person().value(),
					entitlement, request.entitlementRef(), "", clock.instant(), Optional.empty()));
	}

	private static Holding holding(ResultSet rs, int row) throws SQLException {
		return new Holding(rs.getLong("id"), HoldingKind.valueOf(rs.getString("kind")),
				rs.getString("account_id").strip(), new PersonKey(rs.getString("person")), rs.getString("principal"),
				rs.getString("entitlement"), rs.getString("entitlement_ref"), rs.getString("via"),
				AccessRequestStore.instant(rs, "first_seen").orElseThrow(), AccessRequestStore.instant(rs, "gone_at"));
	}

}
