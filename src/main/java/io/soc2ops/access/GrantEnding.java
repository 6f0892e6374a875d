package io.soc2ops.access;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The end of an approved request's access, whether it expired or was revoked: its cover
 * ends, and each account's holding gets a removal (cause {@code request:<id>}) unless
 * another approved request still covers the same access; where soc2ops manages Identity
 * Center assignments it deletes a permission set's assignment itself and confirms the
 * removal ({@link GrantCourier}), else an operator removes it and confirms.
 */
@Component
class GrantEnding {

	private final AccessRequestStore requests;

	private final GrantStore grants;

	private final GrantInventory inventory;

	private final AccessRemovals removals;

	private final ObjectProvider<IdentityCenterAssignments> assignments;

	private final JdbcClient jdbc;

	private final Clock clock;

	GrantEnding(AccessRequestStore requests, GrantStore grants, GrantInventory inventory, AccessRemovals removals,
			ObjectProvider<IdentityCenterAssignments> assignments, JdbcClient jdbc, Clock clock) {
		this.requests = requests;
		this.grants = grants;
		this.inventory = inventory;
		this.removals = removals;
		this.assignments = assignments;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** Whether soc2ops deletes this request's access itself. */
	boolean automatic(AccessRequest request) {
		return request.kind() == AccessRequestKind.PERMISSION_SET && assignments.getIfAvailable() != null;
	}

	/**
	 * Ends the access at {@code at}, in the caller's transaction (the request already
	 * left APPROVED there); removals are due at {@code dueAt}.
	 * @return per account, what became of it, for the ledger
	 */
	List<Map<String, Object>> end(AccessRequest request, RemovalReason reason, Instant at, Instant dueAt) {
		Instant now = clock.instant();
		requests.closeCover(request.id(), at);
		boolean automatic = automatic(request);
		var ended = new ArrayList<Map<String, Object>>();
		for (var grant : request.grants()) {
			var line = new GrantStore.Line(request.id(), grant.accountId());
			var account = new LinkedHashMap<String, Object>();
			account.put("account", grant.accountId());
			account.put("grant", grant.state().name());
			var other = requests.otherCover(request, grant.accountId(), now);
			if (other.isPresent()) {
				grants.end(line, null, false, now);
				account.put("stillCoveredBy", "access-request:" + other.get());
			}
			else {
				var removal = removals.open(reason, "request:" + request.id(), holding(request, grant.accountId()),
						dueAt, AccessRequestLedger.ACTOR);
				grants.end(line, removal.id(), automatic, now);
				account.put("removal", removal.id());
			}
			ended.add(account);
		}
		return ended;
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
			.query(GrantEnding::holding)
			.list()
			.stream()
			.findFirst()
			.orElseGet(() -> new Holding(0, kind, account, request.person(), kind == HoldingKind.ASSIGNMENT
					? inventory.userName(request.person()).orElse(request.person().value()) : request.person().value(),
					entitlement, request.entitlementRef(), "", clock.instant(), java.util.Optional.empty()));
	}

	private static Holding holding(ResultSet rs, int row) throws SQLException {
		return new Holding(rs.getLong("id"), HoldingKind.valueOf(rs.getString("kind")),
				rs.getString("account_id").strip(), new PersonKey(rs.getString("person")), rs.getString("principal"),
				rs.getString("entitlement"), rs.getString("entitlement_ref"), rs.getString("via"),
				AccessRequestStore.instant(rs, "first_seen").orElseThrow(), AccessRequestStore.instant(rs, "gone_at"));
	}

}
