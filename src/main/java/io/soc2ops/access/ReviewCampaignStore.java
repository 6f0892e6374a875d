package io.soc2ops.access;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * Campaigns and their items in {@code access_review_campaign} and
 * {@code access_review_item}. Freezing and assigning are one {@code INSERT ... SELECT},
 * so a campaign of half a million items never passes through Java.
 */
@Repository
class ReviewCampaignStore {

	static final String ITEM_COLUMNS = "i.id, i.campaign_id, i.holding_id, i.kind, i.account_id, i.person, i.principal,"
			+ " i.entitlement, i.entitlement_ref, i.via, i.first_seen, i.reviewer, i.reviewer_source, i.decision,"
			+ " i.review_comment, i.decided_by, i.decided_at, i.removal_id";

	/**
	 * The reviewer: the person's manager, else the account's owner, never the person
	 * themself.
	 */
	private static final String MANAGER_OK = "p.manager IS NOT NULL AND (p.soc2ops_user IS NULL"
			+ " OR p.soc2ops_user <> p.manager)";

	private static final String OWNER_OK = "o.owner IS NOT NULL AND (p.soc2ops_user IS NULL OR p.soc2ops_user <> o.owner)";

	private final JdbcClient jdbc;

	ReviewCampaignStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long insert(String name, ReviewScope scope, Instant snapshotAt, Instant dueAt, Instant now, String by) {
		var keys = new GeneratedKeyHolder();
		jdbc.sql("INSERT INTO access_review_campaign (name, accounts, kinds, snapshot_at, due_at, created_at,"
				+ " created_by, item_count, digest, kept_count, revoked_count) VALUES (:name, :accounts, :kinds,"
				+ " :snapshot, :due, :now, :by, 0, '', 0, 0)")
			.param("name", name)
			.param("accounts", scope.accountsColumn())
			.param("kinds", scope.kindsColumn())
			.param("snapshot", time(snapshotAt))
			.param("due", time(dueAt))
			.param("now", time(now))
			.param("by", by)
			.update(keys, "id");
		return keys.getKeyAs(Long.class);
	}

	/**
	 * Copies every holding of the scope that existed at {@code snapshotAt} into items of
	 * the campaign, each with its reviewer.
	 * @return how many
	 */
	int freeze(long campaign, ReviewScope scope, Instant snapshotAt) {
		var params = new HashMap<String, Object>();
		params.put("campaign", campaign);
		params.put("at", time(snapshotAt));
		String where = "h.first_seen <= :at AND (h.gone_at IS NULL OR h.gone_at > :at)";
		if (!scope.allAccounts()) {
			where += " AND h.account_id IN (:accounts)";
			params.put("accounts", scope.accounts());
		}
		if (!scope.kinds().isEmpty()) {
			where += " AND h.kind IN (:kinds)";
			params.put("kinds", scope.kinds().stream().map(HoldingKind::name).toList());
		}
		return jdbc
			.sql("INSERT INTO access_review_item (campaign_id, holding_id, kind, account_id, person, principal,"
					+ " entitlement, entitlement_ref, via, first_seen, person_user, reviewer, reviewer_source)"
					+ " SELECT :campaign, h.id, h.kind, h.account_id, h.person, h.principal, h.entitlement,"
					+ " h.entitlement_ref, h.via, h.first_seen, p.soc2ops_user," + " CASE WHEN " + MANAGER_OK
					+ " THEN p.manager WHEN " + OWNER_OK + " THEN o.owner END," + " CASE WHEN " + MANAGER_OK
					+ " THEN 'MANAGER' WHEN " + OWNER_OK + " THEN 'OWNER' ELSE 'NONE' END"
					+ " FROM access_holding h LEFT JOIN access_person p ON p.person = h.person"
					+ " LEFT JOIN access_account_owner o ON o.account_id = h.account_id WHERE " + where)
			.params(params)
			.update();
	}

	void frozen(long campaign, int items, String digest) {
		jdbc.sql("UPDATE access_review_campaign SET item_count = :items, digest = :digest WHERE id = :id")
			.param("items", items)
			.param("digest", digest)
			.param("id", campaign)
			.update();
	}

	/** The campaign's items in holding order, read through a cursor. */
	void forEachItem(long campaign, Consumer<ReviewItem> action) {
		try (Stream<ReviewItem> items = jdbc
			.sql("SELECT " + ITEM_COLUMNS + " FROM access_review_item i WHERE i.campaign_id = :campaign"
					+ " ORDER BY i.holding_id")
			.param("campaign", campaign)
			.withFetchSize(1000)
			.query(ReviewCampaignStore::item)
			.stream()) {
			items.forEach(action);
		}
	}

	/**
	 * The campaign's items in holding order with their removals, read through a cursor.
	 */
	void forEachWithRemoval(long campaign, Consumer<ItemWithRemoval> action) {
		try (Stream<ItemWithRemoval> rows = jdbc
			.sql("SELECT " + ITEM_COLUMNS + ", r.removed_at AS r_removed_at, r.verified_at AS r_verified_at"
					+ " FROM access_review_item i LEFT JOIN access_removal r ON r.id = i.removal_id"
					+ " WHERE i.campaign_id = :campaign ORDER BY i.holding_id")
			.param("campaign", campaign)
			.withFetchSize(1000)
			.query((rs, row) -> new ItemWithRemoval(item(rs, row), instant(rs, "r_removed_at"),
					instant(rs, "r_verified_at")))
			.stream()) {
			rows.forEach(action);
		}
	}

	/** An item, and when its removal (if any) was confirmed and seen gone. */
	record ItemWithRemoval(ReviewItem item, Optional<Instant> removedAt, Optional<Instant> verifiedAt) {

		/** NONE (nothing to remove), OPEN, REMOVED or VERIFIED. */
		String removalState() {
			if (item.removalId().isEmpty()) {
				return "NONE";
			}
			return verifiedAt.isPresent() ? "VERIFIED" : removedAt.isPresent() ? "REMOVED" : "OPEN";
		}

		Optional<Instant> doneAt() {
			if (removedAt.isPresent() && verifiedAt.isPresent()) {
				return Optional.of(removedAt.get().isBefore(verifiedAt.get()) ? removedAt.get() : verifiedAt.get());
			}
			return removedAt.isPresent() ? removedAt : verifiedAt;
		}

	}

	/** The earliest moment the holdings go back to. */
	Optional<Instant> historyStart() {
		return Optional
			.ofNullable(jdbc.sql("SELECT MIN(first_seen) FROM access_holding").query(OffsetDateTime.class).single())
			.map(OffsetDateTime::toInstant);
	}

	Optional<ReviewCampaign> find(long id, Instant now) {
		return jdbc.sql("SELECT * FROM access_review_campaign WHERE id = :id")
			.param("id", id)
			.query((rs, row) -> campaign(rs, now))
			.optional();
	}

	List<ReviewCampaign> list(int limit, Instant now) {
		return jdbc.sql("SELECT * FROM access_review_campaign ORDER BY id DESC LIMIT :limit")
			.param("limit", limit)
			.query((rs, row) -> campaign(rs, now))
			.list();
	}

	/** Open campaigns due by {@code by}, overdue ones included. */
	List<ReviewCampaign> openDueBy(Instant by, Instant now) {
		return jdbc.sql(
				"SELECT * FROM access_review_campaign WHERE completed_at IS NULL AND due_at <= :by ORDER BY due_at, id")
			.param("by", time(by))
			.query((rs, row) -> campaign(rs, now))
			.list();
	}

	/** Holds the campaign's row until the transaction ends: decisions queue up. */
	boolean lock(long id) {
		return !jdbc.sql("SELECT id FROM access_review_campaign WHERE id = :id FOR UPDATE")
			.param("id", id)
			.query(Long.class)
			.list()
			.isEmpty();
	}

	List<ReviewItem> items(long campaign, Collection<Long> ids) {
		return jdbc
			.sql("SELECT " + ITEM_COLUMNS + " FROM access_review_item i WHERE i.campaign_id = :campaign"
					+ " AND i.id IN (:ids) ORDER BY i.id")
			.param("campaign", campaign)
			.param("ids", List.copyOf(ids))
			.query(ReviewCampaignStore::item)
			.list();
	}

	/** The soc2ops user who was the item's person at the snapshot, per item. */
	Map<Long, String> personUsers(long campaign, Collection<Long> ids) {
		var users = new HashMap<Long, String>();
		jdbc.sql("SELECT id, person_user FROM access_review_item WHERE campaign_id = :campaign AND id IN (:ids)"
				+ " AND person_user IS NOT NULL")
			.param("campaign", campaign)
			.param("ids", List.copyOf(ids))
			.query(rs -> {
				users.put(rs.getLong("id"), rs.getString("person_user"));
			});
		return users;
	}

	ReviewItemPage page(long campaign, ReviewItemFilter filter, String me, int page, int size) {
		var params = new HashMap<String, Object>();
		params.put("campaign", campaign);
		var where = new ArrayList<String>();
		where.add("i.campaign_id = :campaign");
		if (filter.reviewer() != null) {
			if (filter.reviewer().equals(ReviewItemFilter.UNASSIGNED)) {
				where.add("i.reviewer IS NULL");
			}
			else {
				where.add("i.reviewer = :reviewer");
				params.put("reviewer", filter.reviewer());
			}
		}
		if (filter.account() != null) {
			where.add("i.account_id = :account");
			params.put("account", filter.account());
		}
		if (filter.status() != null) {
			where.add(switch (filter.status()) {
				case OPEN -> "i.decision IS NULL";
				case KEPT -> "i.decision = 'KEEP'";
				case REVOKED -> "i.decision = 'REVOKE'";
			});
		}
		if (filter.text() != null) {
			where.add("(LOWER(i.person) LIKE :text ESCAPE '\\' OR LOWER(i.principal) LIKE :text ESCAPE '\\'"
					+ " OR LOWER(i.entitlement) LIKE :text ESCAPE '\\')");
			params.put("text", "%" + likeEscaped(filter.text().toLowerCase(Locale.ROOT)) + "%");
		}
		String condition = " WHERE " + String.join(" AND ", where);
		long total = jdbc.sql("SELECT COUNT(*) FROM access_review_item i" + condition)
			.params(params)
			.query(Long.class)
			.single();
		params.put("me", me);
		params.put("limit", size);
		params.put("offset", (long) (page - 1) * size);
		var items = jdbc
			.sql("SELECT " + ITEM_COLUMNS + " FROM access_review_item i" + condition
					+ " ORDER BY CASE WHEN i.reviewer = :me THEN 0 WHEN i.reviewer IS NULL THEN 1 ELSE 2 END,"
					+ " i.reviewer, i.account_id, i.person, i.id LIMIT :limit OFFSET :offset")
			.params(params)
			.query(ReviewCampaignStore::item)
			.list();
		return new ReviewItemPage(items, total, page, size);
	}

	/** Per reviewer (unassigned as {@link ReviewItemFilter#UNASSIGNED}), by name. */
	List<ReviewerProgress> progress(long campaign) {
		return jdbc
			.sql("SELECT COALESCE(reviewer, '" + ReviewItemFilter.UNASSIGNED + "') AS who, COUNT(*) AS items,"
					+ " SUM(CASE WHEN decision = 'KEEP' THEN 1 ELSE 0 END) AS kept,"
					+ " SUM(CASE WHEN decision = 'REVOKE' THEN 1 ELSE 0 END) AS revoked"
					+ " FROM access_review_item WHERE campaign_id = :campaign GROUP BY reviewer ORDER BY who")
			.param("campaign", campaign)
			.query((rs, row) -> new ReviewerProgress(rs.getString("who"), rs.getLong("items"), rs.getLong("kept"),
					rs.getLong("revoked")))
			.list();
	}

	/**
	 * Records the decision on the open items of {@code reviewer}.
	 * @return how many took it
	 */
	int decide(long campaign, Collection<Long> ids, String reviewer, ReviewDecision decision, @Nullable String comment,
			String by, Instant at) {
		return jdbc
			.sql("UPDATE access_review_item SET decision = :decision, review_comment = :comment, decided_by = :by,"
					+ " decided_at = :at WHERE campaign_id = :campaign AND id IN (:ids) AND decision IS NULL"
					+ " AND reviewer = :reviewer")
			.param("decision", decision.name())
			.param("comment", comment)
			.param("by", by)
			.param("at", time(at))
			.param("campaign", campaign)
			.param("ids", List.copyOf(ids))
			.param("reviewer", reviewer)
			.update();
	}

	void removal(long item, long removal) {
		jdbc.sql("UPDATE access_review_item SET removal_id = :removal WHERE id = :id")
			.param("removal", removal)
			.param("id", item)
			.update();
	}

	void count(long campaign, int kept, int revoked) {
		jdbc.sql("UPDATE access_review_campaign SET kept_count = kept_count + :kept,"
				+ " revoked_count = revoked_count + :revoked WHERE id = :id")
			.param("kept", kept)
			.param("revoked", revoked)
			.param("id", campaign)
			.update();
	}

	/**
	 * Marks the campaign completed when no item is open.
	 * @return whether it was completed now
	 */
	boolean complete(long campaign, Instant at) {
		return jdbc
			.sql("UPDATE access_review_campaign SET completed_at = :at WHERE id = :id AND completed_at IS NULL"
					+ " AND NOT EXISTS (SELECT 1 FROM access_review_item WHERE campaign_id = :id AND decision IS NULL)")
			.param("at", time(at))
			.param("id", campaign)
			.update() == 1;
	}

	/** Gives open items to {@code to}, except those whose person {@code to} is. */
	int reassign(long campaign, Collection<Long> ids, String to) {
		return jdbc.sql(
				"UPDATE access_review_item SET reviewer = :to, reviewer_source = 'ASSIGNED' WHERE campaign_id = :campaign"
						+ " AND id IN (:ids) AND decision IS NULL AND (person_user IS NULL OR person_user <> :to)")
			.param("to", to)
			.param("campaign", campaign)
			.param("ids", List.copyOf(ids))
			.update();
	}

	/**
	 * Gives the open items of {@code from} (null: the unassigned ones) to {@code to},
	 * except those whose person {@code to} is.
	 */
	int reassignAll(long campaign, @Nullable String from, String to) {
		return jdbc.sql(
				"UPDATE access_review_item SET reviewer = :to, reviewer_source = 'ASSIGNED' WHERE campaign_id = :campaign"
						+ (from == null ? " AND reviewer IS NULL" : " AND reviewer = :from")
						+ " AND decision IS NULL AND (person_user IS NULL OR person_user <> :to)")
			.param("to", to)
			.param("campaign", campaign)
			.param("from", from == null ? "" : from)
			.update();
	}

	/**
	 * Reviewers with open items in these campaigns: reviewer, then campaign and count.
	 */
	List<OpenItems> openItems(Collection<Long> campaigns) {
		if (campaigns.isEmpty()) {
			return List.of();
		}
		return jdbc
			.sql("SELECT reviewer, campaign_id, COUNT(*) AS items FROM access_review_item WHERE campaign_id IN"
					+ " (:campaigns) AND decision IS NULL AND reviewer IS NOT NULL GROUP BY reviewer, campaign_id"
					+ " ORDER BY reviewer, campaign_id")
			.param("campaigns", List.copyOf(campaigns))
			.query((rs, row) -> new OpenItems(rs.getString("reviewer"), rs.getLong("campaign_id"), rs.getLong("items")))
			.list();
	}

	record OpenItems(String reviewer, long campaign, long items) {
	}

	static ReviewItem item(ResultSet rs, int row) throws SQLException {
		String decision = rs.getString("decision");
		long removal = rs.getLong("removal_id");
		Optional<Long> removalId = rs.wasNull() ? Optional.empty() : Optional.of(removal);
		return new ReviewItem(rs.getLong("id"), rs.getLong("campaign_id"), rs.getLong("holding_id"),
				HoldingKind.valueOf(rs.getString("kind")), rs.getString("account_id").strip(),
				new PersonKey(rs.getString("person")), rs.getString("principal"), rs.getString("entitlement"),
				rs.getString("entitlement_ref"), rs.getString("via"), instant(rs, "first_seen").orElseThrow(),
				Optional.ofNullable(rs.getString("reviewer")), ReviewerSource.valueOf(rs.getString("reviewer_source")),
				decision == null ? Optional.empty() : Optional.of(ReviewDecision.valueOf(decision)),
				Optional.ofNullable(rs.getString("review_comment")), Optional.ofNullable(rs.getString("decided_by")),
				instant(rs, "decided_at"), removalId);
	}

	private static ReviewCampaign campaign(ResultSet rs, Instant now) throws SQLException {
		var completed = instant(rs, "completed_at");
		Instant due = instant(rs, "due_at").orElseThrow();
		var state = completed.isPresent() ? ReviewCampaign.State.COMPLETED
				: now.isBefore(due) ? ReviewCampaign.State.OPEN : ReviewCampaign.State.OVERDUE;
		return new ReviewCampaign(rs.getLong("id"), rs.getString("name"),
				ReviewScope.parse(rs.getString("accounts"), rs.getString("kinds")),
				instant(rs, "snapshot_at").orElseThrow(), due, instant(rs, "created_at").orElseThrow(),
				rs.getString("created_by"), rs.getInt("item_count"), rs.getString("digest"), rs.getInt("kept_count"),
				rs.getInt("revoked_count"), completed, state);
	}

	static Optional<Instant> instant(ResultSet rs, String column) throws SQLException {
		var value = rs.getObject(column, OffsetDateTime.class);
		return value == null ? Optional.empty() : Optional.of(value.toInstant());
	}

	static OffsetDateTime time(Instant instant) {
		return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

	private static String likeEscaped(String text) {
		return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}

}
