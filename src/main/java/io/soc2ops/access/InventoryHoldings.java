package io.soc2ops.access;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Derives the ASSIGNMENT holdings of an Identity Center inventory in SQL: the users,
 * groups, memberships and assignments are staged under the sync's ID, the holdings they
 * make (one line per user, account, permission set and path: direct, or through each
 * group) are worked out with one INSERT..SELECT, and compared with the open holdings:
 * those no longer made are closed (only by a complete sync), new ones opened. The people
 * behind the users are added to {@code access_person} or have their name and e-mail
 * brought up to date. The caller holds the transaction; the staging rows are gone when it
 * commits.
 */
@Repository
class InventoryHoldings {

	static final int MAX_NAME = 256;

	private static final String MATCH = "s.person = h.person AND s.account_id = h.account_id"
			+ " AND s.principal = h.principal AND s.entitlement = h.entitlement"
			+ " AND s.entitlement_ref = h.entitlement_ref AND s.via = h.via";

	private final JdbcClient jdbc;

	private final JdbcTemplate batches;

	InventoryHoldings(JdbcClient jdbc, JdbcTemplate batches) {
		this.jdbc = jdbc;
		this.batches = batches;
	}

	Changes derive(long syncId, IdentityCenterInventory inventory) {
		stage(syncId, inventory);
		jdbc.sql("INSERT INTO access_holding_stage (sync_id, account_id, person, principal, entitlement,"
				+ " entitlement_ref, via)"
				+ " SELECT a.sync_id, a.account_id, u.person, u.user_name, a.set_name, a.set_arn, ''"
				+ " FROM access_idc_stage_assignment a JOIN access_idc_stage_user u"
				+ " ON u.sync_id = a.sync_id AND u.user_id = a.principal_id"
				+ " WHERE a.sync_id = :sync AND a.principal_type = 'USER'"
				+ " UNION SELECT a.sync_id, a.account_id, u.person, u.user_name, a.set_name, a.set_arn,"
				+ " g.display_name FROM access_idc_stage_assignment a JOIN access_idc_stage_group g"
				+ " ON g.sync_id = a.sync_id AND g.group_id = a.principal_id"
				+ " JOIN access_idc_stage_member m ON m.sync_id = a.sync_id AND m.group_id = a.principal_id"
				+ " JOIN access_idc_stage_user u ON u.sync_id = a.sync_id AND u.user_id = m.user_id"
				+ " WHERE a.sync_id = :sync AND a.principal_type = 'GROUP'")
			.param("sync", syncId)
			.update();
		var at = InventorySyncs.time(inventory.takenAt());
		int closed = 0;
		if (inventory.complete()) {
			closed = jdbc
				.sql("UPDATE access_holding SET gone_at = :at WHERE kind = 'ASSIGNMENT' AND gone_at IS NULL"
						+ " AND entitlement_ref LIKE :prefix AND NOT EXISTS (SELECT 1 FROM access_holding_stage s"
						+ " WHERE s.sync_id = :sync AND " + MATCH.replace("h.", "access_holding.") + ")")
				.param("at", at)
				.param("prefix", inventory.permissionSetPrefix() + "%")
				.param("sync", syncId)
				.update();
		}
		int opened = jdbc
			.sql("INSERT INTO access_holding (kind, account_id, person, principal, entitlement, entitlement_ref,"
					+ " via, first_seen) SELECT 'ASSIGNMENT', s.account_id, s.person, s.principal, s.entitlement,"
					+ " s.entitlement_ref, s.via, :at FROM access_holding_stage s WHERE s.sync_id = :sync"
					+ " AND NOT EXISTS (SELECT 1 FROM access_holding h WHERE h.kind = 'ASSIGNMENT'"
					+ " AND h.gone_at IS NULL AND " + MATCH + ")")
			.param("at", at)
			.param("sync", syncId)
			.update();
		int people = people(syncId, inventory.takenAt());
		for (String table : List.of("access_holding_stage", "access_idc_stage_assignment", "access_idc_stage_member",
				"access_idc_stage_group", "access_idc_stage_user")) {
			jdbc.sql("DELETE FROM " + table + " WHERE sync_id = :sync").param("sync", syncId).update();
		}
		return new Changes(opened, closed, people);
	}

	private void stage(long syncId, IdentityCenterInventory inventory) {
		var users = new ArrayList<Object[]>();
		for (var user : inventory.users()) {
			users.add(new Object[] { syncId, user.userId(), name(user.userName()), user.person().value(),
					name(user.displayName()), user.email().orElse(null) });
		}
		batch("INSERT INTO access_idc_stage_user (sync_id, user_id, user_name, person, display_name, email)"
				+ " VALUES (?, ?, ?, ?, ?, ?)", users);
		var groups = new ArrayList<Object[]>();
		for (var group : inventory.groups()) {
			groups.add(new Object[] { syncId, group.groupId(), name(group.displayName()) });
		}
		batch("INSERT INTO access_idc_stage_group (sync_id, group_id, display_name) VALUES (?, ?, ?)", groups);
		var members = new ArrayList<Object[]>();
		for (var membership : inventory.memberships()) {
			members.add(new Object[] { syncId, membership.groupId(), membership.userId() });
		}
		batch("INSERT INTO access_idc_stage_member (sync_id, group_id, user_id) VALUES (?, ?, ?)", members);
		var setNames = new HashMap<String, String>();
		inventory.permissionSets().forEach(set -> setNames.put(set.arn(), name(set.name())));
		var assignments = new ArrayList<Object[]>();
		for (var assignment : inventory.assignments()) {
			String setName = setNames.get(assignment.permissionSetArn());
			if (setName == null) {
				// its permission set was not read (an incomplete sync): no holding to
				// name
				continue;
			}
			assignments.add(new Object[] { syncId, assignment.accountId(), assignment.permissionSetArn(), setName,
					assignment.principalType(), assignment.principalId() });
		}
		batch("INSERT INTO access_idc_stage_assignment (sync_id, account_id, set_arn, set_name, principal_type,"
				+ " principal_id) VALUES (?, ?, ?, ?, ?, ?)", assignments);
	}

	/**
	 * Adds the people missing from {@code access_person} and updates the name and e-mail
	 * of those whose Identity Center user changed them; other columns belong to others.
	 * @return people added or updated
	 */
	private int people(long syncId, Instant takenAt) {
		var at = InventorySyncs.time(takenAt);
		int updated = jdbc
			.sql("UPDATE access_person SET" + " display_name = (SELECT MIN(s.display_name) FROM access_idc_stage_user s"
					+ " WHERE s.sync_id = :sync AND s.person = access_person.person),"
					+ " email = COALESCE((SELECT MIN(s.email) FROM access_idc_stage_user s"
					+ " WHERE s.sync_id = :sync AND s.person = access_person.person), email), updated_at = :at"
					+ " WHERE EXISTS (SELECT 1 FROM access_idc_stage_user s WHERE s.sync_id = :sync"
					+ " AND s.person = access_person.person AND (s.display_name <> access_person.display_name"
					+ " OR (s.email IS NOT NULL AND (access_person.email IS NULL OR s.email <> access_person.email))))")
			.param("sync", syncId)
			.param("at", at)
			.update();
		int added = jdbc.sql("INSERT INTO access_person (person, display_name, email, updated_at)"
				+ " SELECT s.person, MIN(s.display_name), MIN(s.email), :at FROM access_idc_stage_user s"
				+ " WHERE s.sync_id = :sync AND NOT EXISTS (SELECT 1 FROM access_person p WHERE p.person = s.person)"
				+ " GROUP BY s.person")
			.param("sync", syncId)
			.param("at", at)
			.update();
		return updated + added;
	}

	private void batch(String sql, List<Object[]> rows) {
		for (int from = 0; from < rows.size(); from += InventorySyncs.BATCH) {
			batches.batchUpdate(sql, rows.subList(from, Math.min(rows.size(), from + InventorySyncs.BATCH)));
		}
	}

	/** Names as the holdings keep them: at most 256 characters. */
	static String name(String name) {
		return InventorySyncs.shorten(name, MAX_NAME);
	}

	/**
	 * @param people people added to {@code access_person} or whose name or e-mail changed
	 */
	record Changes(int opened, int closed, int people) {

		boolean any() {
			return opened > 0 || closed > 0 || people > 0;
		}

	}

}
