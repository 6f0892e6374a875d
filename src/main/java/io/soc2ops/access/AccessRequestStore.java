package io.soc2ops.access;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Access requests, their decisions and accounts, and the cover approved ones write. */
@Repository
class AccessRequestStore {

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	AccessRequestStore(JdbcClient jdbc, ApplicationEventPublisher events) {
		this.events = events;
		this.jdbc = jdbc;
	}

	/** What a new request holds, checked. */
	record NewRequest(PersonKey person, String requestedBy, AccessRequestKind kind, String entitlement,
			String entitlementRef, boolean privileged, int approvalsNeeded, String reason, @Nullable Instant until,
			@Nullable String ticketUrl, List<String> accounts, Instant at) {
	}

	long insert(NewRequest request) {
		var keys = new GeneratedKeyHolder();
		jdbc.sql("INSERT INTO access_request (person, requested_by, kind, entitlement, entitlement_ref, privileged,"
				+ " approvals_needed, reason, valid_until, ticket_url, state, requested_at, turn, reminders)"
				+ " VALUES (:person, :by, :kind, :entitlement, :ref, :privileged, :needed, :reason, :until, :ticket,"
				+ " 'PENDING', :at, 0, 0)")
			.param("person", request.person().value())
			.param("by", request.requestedBy())
			.param("kind", request.kind().name())
			.param("entitlement", request.entitlement())
			.param("ref", request.entitlementRef())
			.param("privileged", request.privileged())
			.param("needed", request.approvalsNeeded())
			.param("reason", request.reason())
			.param("until", time(request.until()))
			.param("ticket", request.ticketUrl())
			.param("at", time(request.at()))
			.update(keys, "id");
		long id = keys.getKeyAs(Long.class);
		for (String account : request.accounts()) {
			jdbc.sql("INSERT INTO access_request_account (request_id, account_id, grant_state, attempts, removing)"
					+ " VALUES (:id, :account, 'WAITING', 0, FALSE)")
				.param("id", id)
				.param("account", account)
				.update();
		}
		return id;
	}

	/**
	 * Takes the request's turn for a decision: the row stays locked until the transaction
	 * ends, so concurrent decisions on it happen one after the other.
	 * @return false when it is no longer pending
	 */
	boolean takeTurn(long id) {
		return jdbc.sql("UPDATE access_request SET turn = turn + 1 WHERE id = :id AND state = 'PENDING'")
			.param("id", id)
			.update() == 1;
	}

	boolean hasDecided(long id, String approver) {
		return jdbc.sql("SELECT COUNT(*) FROM access_request_decision WHERE request_id = :id AND approver = :approver")
			.param("id", id)
			.param("approver", approver)
			.query(Long.class)
			.single() > 0;
	}

	void insertDecision(long id, String approver, Approval.Decision decision, @Nullable String note, Instant at) {
		jdbc.sql("INSERT INTO access_request_decision (request_id, approver, decision, note, decided_at)"
				+ " VALUES (:id, :approver, :decision, :note, :at)")
			.param("id", id)
			.param("approver", approver)
			.param("decision", decision.name())
			.param("note", note)
			.param("at", time(at))
			.update();
	}

	long approvals(long id) {
		return jdbc.sql("SELECT COUNT(*) FROM access_request_decision WHERE request_id = :id AND decision = 'APPROVED'")
			.param("id", id)
			.query(Long.class)
			.single();
	}

	/** Moves a request from one state to another, unless it left {@code from}. */
	boolean move(long id, AccessRequestState from, AccessRequestState to, Instant at) {
		String stamp = from == AccessRequestState.PENDING ? "decided_at" : "ended_at";
		return jdbc.sql("UPDATE access_request SET state = :to, " + stamp + " = :at WHERE id = :id AND state = :from")
			.param("to", to.name())
			.param("at", time(at))
			.param("id", id)
			.param("from", from.name())
			.update() == 1;
	}

	/**
	 * Every account of an approved request waits for its grant, by hand or by soc2ops.
	 */
	void toGrant(long id, boolean automatic, Instant at) {
		jdbc.sql("UPDATE access_request_account SET grant_state = :state, next_attempt_at = :at"
				+ " WHERE request_id = :id AND grant_state = 'WAITING'")
			.param("state", automatic ? GrantState.GRANTING.name() : GrantState.TO_GRANT.name())
			.param("at", automatic ? time(at) : null)
			.param("id", id)
			.update();
	}

	/** The approved access as cover lines, one per account. */
	void cover(AccessRequest request, Instant from) {
		for (String account : request.accountIds()) {
			jdbc.sql("INSERT INTO access_cover (request_id, person, account_id, kind, entitlement, valid_from,"
					+ " valid_until) VALUES (:id, :person, :account, :kind, :entitlement, :from, :until)")
				.param("id", request.id())
				.param("person", request.person().value())
				.param("account", account)
				.param("kind", request.kind().holdingKind().name())
				.param("entitlement", coveredEntitlement(request))
				.param("from", time(from))
				.param("until", time(request.until().orElse(null)))
				.update();
		}
		events.publishEvent(new CoverChanged(request.id()));
	}

	static String coveredEntitlement(AccessRequest request) {
		return request.kind() == AccessRequestKind.PERMISSION_SET ? request.entitlement()
				: HoldingKind.IAM_USER_ENTITLEMENT;
	}

	/** Ends the request's cover at {@code at}, where it went on longer. */
	void closeCover(long id, Instant at) {
		jdbc.sql("UPDATE access_cover SET valid_until = :at WHERE request_id = :id"
				+ " AND (valid_until IS NULL OR valid_until > :at)")
			.param("at", time(at))
			.param("id", id)
			.update();
		events.publishEvent(new CoverChanged(id));
	}

	/** Another request's cover of the same access, still valid at {@code at}. */
	Optional<Long> otherCover(AccessRequest request, String account, Instant at) {
		return jdbc
			.sql("SELECT request_id FROM access_cover WHERE person = :person AND account_id = :account"
					+ " AND kind = :kind AND entitlement = :entitlement AND request_id <> :id AND valid_from <= :at"
					+ " AND (valid_until IS NULL OR valid_until > :at) ORDER BY request_id")
			.param("person", request.person().value())
			.param("account", account)
			.param("kind", request.kind().holdingKind().name())
			.param("entitlement", coveredEntitlement(request))
			.param("id", request.id())
			.param("at", time(at))
			.query(Long.class)
			.list()
			.stream()
			.findFirst();
	}

	/** Approved requests whose end has come, oldest end first. */
	List<Long> expiredBy(Instant at, int limit) {
		return jdbc
			.sql("SELECT id FROM access_request WHERE state = 'APPROVED' AND valid_until <= :at"
					+ " ORDER BY valid_until, id LIMIT :limit")
			.param("at", time(at))
			.param("limit", limit)
			.query(Long.class)
			.list();
	}

	/**
	 * Pending requests due a reminder: waited {@code after}, last reminded before
	 * {@code every}.
	 */
	List<Long> dueReminder(Instant waitedSince, Instant remindedBefore, int most, int limit) {
		return jdbc.sql("SELECT id FROM access_request WHERE state = 'PENDING' AND requested_at <= :since"
				+ " AND reminders < :most AND (reminded_at IS NULL OR reminded_at <= :before) ORDER BY id LIMIT :limit")
			.param("since", time(waitedSince))
			.param("most", most)
			.param("before", time(remindedBefore))
			.param("limit", limit)
			.query(Long.class)
			.list();
	}

	/** Counts a reminder, unless another sweep counted it meanwhile. */
	boolean reminded(long id, int reminders, Instant at) {
		return jdbc
			.sql("UPDATE access_request SET reminders = reminders + 1, reminded_at = :at WHERE id = :id"
					+ " AND reminders = :reminders AND state = 'PENDING'")
			.param("at", time(at))
			.param("id", id)
			.param("reminders", reminders)
			.update() == 1;
	}

	int reminders(long id) {
		return jdbc.sql("SELECT reminders FROM access_request WHERE id = :id")
			.param("id", id)
			.query(Integer.class)
			.single();
	}

	Optional<AccessRequest> find(long id, Function<String, Optional<String>> names) {
		return withParts(jdbc.sql("SELECT * FROM access_request WHERE id = :id")
			.param("id", id)
			.query(AccessRequestStore::partial)
			.list(), names).stream().findFirst();
	}

	/** Newest first, those matching the filter. */
	List<AccessRequest> list(AccessRequestFilter filter, int limit, Function<String, Optional<String>> names) {
		var where = new ArrayList<String>();
		var params = new HashMap<String, Object>();
		if (filter.state() != null) {
			where.add("state = :state");
			params.put("state", filter.state().name());
		}
		if (filter.person() != null) {
			where.add("person = :person");
			params.put("person", filter.person().value());
		}
		if (filter.requestedBy() != null) {
			where.add("requested_by = :by");
			params.put("by", filter.requestedBy());
		}
		if (filter.account() != null) {
			where.add("id IN (SELECT request_id FROM access_request_account WHERE account_id = :account)");
			params.put("account", filter.account());
		}
		params.put("limit", limit);
		return withParts(jdbc
			.sql("SELECT * FROM access_request" + (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where))
					+ " ORDER BY id DESC LIMIT :limit")
			.params(params)
			.query(AccessRequestStore::partial)
			.list(), names);
	}

	private List<AccessRequest> withParts(List<Partial> partials, Function<String, Optional<String>> names) {
		if (partials.isEmpty()) {
			return List.of();
		}
		var ids = partials.stream().map(Partial::id).toList();
		var approvals = new HashMap<Long, List<Approval>>();
		jdbc.sql("SELECT * FROM access_request_decision WHERE request_id IN (:ids) ORDER BY decided_at, approver")
			.param("ids", ids)
			.query((rs, row) -> approvals.computeIfAbsent(rs.getLong("request_id"), id -> new ArrayList<>())
				.add(new Approval(rs.getString("approver"), Approval.Decision.valueOf(rs.getString("decision")),
						Optional.ofNullable(rs.getString("note")), instant(rs, "decided_at").orElseThrow())))
			.list();
		var grants = new HashMap<Long, List<Grant>>();
		jdbc.sql("SELECT * FROM access_request_account WHERE request_id IN (:ids) ORDER BY account_id")
			.param("ids", ids)
			.query((rs, row) -> grants.computeIfAbsent(rs.getLong("request_id"), id -> new ArrayList<>())
				.add(grant(rs, names)))
			.list();
		return partials.stream()
			.map(p -> p.with(approvals.getOrDefault(p.id(), List.of()), grants.getOrDefault(p.id(), List.of())))
			.toList();
	}

	private static Grant grant(ResultSet rs, Function<String, Optional<String>> names) throws SQLException {
		String account = rs.getString("account_id").strip();
		String method = rs.getString("grant_method");
		var removal = rs.getObject("removal_id", Long.class);
		return new Grant(account, names.apply(account), GrantState.valueOf(rs.getString("grant_state")),
				method == null ? Optional.empty() : Optional.of(GrantMethod.valueOf(method)), instant(rs, "granted_at"),
				Optional.ofNullable(rs.getString("granted_by")), Optional.ofNullable(rs.getString("grant_note")),
				Optional.ofNullable(rs.getString("aws_request_id")), Optional.ofNullable(rs.getString("failure")),
				rs.getInt("attempts"), instant(rs, "ended_at"), Optional.ofNullable(removal));
	}

	private static Partial partial(ResultSet rs, int row) throws SQLException {
		String ticket = rs.getString("ticket_url");
		return new Partial(rs.getLong("id"), new PersonKey(rs.getString("person")), rs.getString("requested_by"),
				AccessRequestKind.valueOf(rs.getString("kind")), rs.getString("entitlement"),
				rs.getString("entitlement_ref"), rs.getBoolean("privileged"), rs.getInt("approvals_needed"),
				rs.getString("reason"), instant(rs, "valid_until"),
				ticket == null ? Optional.empty() : Optional.of(AccessTicket.of(ticket)),
				AccessRequestState.valueOf(rs.getString("state")), instant(rs, "requested_at").orElseThrow(),
				instant(rs, "decided_at"), instant(rs, "ended_at"));
	}

	private record Partial(long id, PersonKey person, String requestedBy, AccessRequestKind kind, String entitlement,
			String entitlementRef, boolean privileged, int approvalsNeeded, String reason, Optional<Instant> until,
			Optional<AccessTicket> ticket, AccessRequestState state, Instant requestedAt, Optional<Instant> decidedAt,
			Optional<Instant> endedAt) {

		AccessRequest with(List<Approval> approvals, List<Grant> grants) {
			return new AccessRequest(id, person, requestedBy, kind, entitlement, entitlementRef, privileged,
					approvalsNeeded, reason, until, ticket, state, requestedAt, decidedAt, endedAt, approvals, grants);
		}

	}

	static @Nullable OffsetDateTime time(@Nullable Instant instant) {
		return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

	static Optional<Instant> instant(ResultSet rs, String column) throws SQLException {
		var value = rs.getObject(column, OffsetDateTime.class);
		return value == null ? Optional.empty() : Optional.of(value.toInstant());
	}

}
