package io.soc2ops.vulnerabilities;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Exceptions (risk acceptances) and the vulnerabilities each covers. */
@Repository
class RiskAcceptanceStore {

	private static final String COLUMNS = "id, state, reason, compensating_control, expires_on, requested_by,"
			+ " requested_at, decided_by, decided_at, decision_note";

	private final JdbcClient jdbc;

	RiskAcceptanceStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long insert(Collection<Long> vulnerabilities, String reason, String compensatingControl, LocalDate expiresOn,
			String requestedBy, Instant requestedAt) {
		var keys = new GeneratedKeyHolder();
		jdbc.sql("INSERT INTO vulnerability_exception (state, reason, compensating_control, expires_on, expires_at,"
				+ " requested_by, requested_at) VALUES (:state, :reason, :control, :expiresOn, :expiresAt,"
				+ " :requestedBy, :requestedAt)")
			.param("state", RiskAcceptance.State.REQUESTED.name())
			.param("reason", reason)
			.param("control", compensatingControl)
			.param("expiresOn", expiresOn)
			.param("expiresAt", VulnerabilityStore.time(RiskAcceptance.expiresAt(expiresOn)))
			.param("requestedBy", requestedBy)
			.param("requestedAt", VulnerabilityStore.time(requestedAt))
			.update(keys, "id");
		long id = keys.getKeyAs(Long.class);
		for (long vulnerability : vulnerabilities) {
			jdbc.sql("INSERT INTO vulnerability_exception_item (exception_id, vulnerability_id) VALUES (:id, :v)")
				.param("id", id)
				.param("v", vulnerability)
				.update();
		}
		return id;
	}

	/**
	 * Moves an exception from one state to another, unless it left {@code from}
	 * meanwhile.
	 * @return whether it moved
	 */
	boolean decide(long id, RiskAcceptance.State from, RiskAcceptance.State to, String decidedBy, Instant decidedAt,
			@Nullable String note) {
		return jdbc
			.sql("UPDATE vulnerability_exception SET state = :to, decided_by = :by, decided_at = :at,"
					+ " decision_note = :note WHERE id = :id AND state = :from")
			.param("to", to.name())
			.param("by", decidedBy)
			.param("at", VulnerabilityStore.time(decidedAt))
			.param("note", note)
			.param("id", id)
			.param("from", from.name())
			.update() == 1;
	}

	/** Approved exceptions past their expiry whose expiry is not recorded yet. */
	List<RiskAcceptance> expiredBy(Instant at) {
		return withItems(jdbc
			.sql("SELECT " + COLUMNS + " FROM vulnerability_exception WHERE state = 'APPROVED' AND expires_at <= :at"
					+ " ORDER BY id")
			.param("at", VulnerabilityStore.time(at))
			.query(RiskAcceptanceStore::acceptance)
			.list());
	}

	boolean markExpired(long id) {
		return jdbc.sql("UPDATE vulnerability_exception SET state = 'EXPIRED' WHERE id = :id AND state = 'APPROVED'")
			.param("id", id)
			.update() == 1;
	}

	Optional<RiskAcceptance> find(long id) {
		return withItems(jdbc.sql("SELECT " + COLUMNS + " FROM vulnerability_exception WHERE id = :id")
			.param("id", id)
			.query(RiskAcceptanceStore::acceptance)
			.list()).stream().findFirst();
	}

	/** Newest first, those in a state or all. */
	List<RiskAcceptance> list(RiskAcceptance.@Nullable State state, int limit) {
		return withItems(jdbc
			.sql("SELECT " + COLUMNS + " FROM vulnerability_exception" + (state == null ? "" : " WHERE state = :state")
					+ " ORDER BY id DESC LIMIT :limit")
			.param("state", state == null ? "" : state.name())
			.param("limit", limit)
			.query(RiskAcceptanceStore::acceptance)
			.list());
	}

	/** Those that cover a vulnerability, newest first. */
	List<RiskAcceptance> covering(long vulnerability) {
		return withItems(jdbc
			.sql("SELECT " + COLUMNS + " FROM vulnerability_exception WHERE id IN (SELECT exception_id FROM"
					+ " vulnerability_exception_item WHERE vulnerability_id = :v) ORDER BY id DESC")
			.param("v", vulnerability)
			.query(RiskAcceptanceStore::acceptance)
			.list());
	}

	/** Which of these vulnerabilities exist, and which of those are fixed. */
	Map<Long, Boolean> fixedByExisting(Collection<Long> ids) {
		var result = new HashMap<Long, Boolean>();
		jdbc.sql("SELECT vulnerability_id, fixed_at FROM vulnerability_deadline WHERE vulnerability_id IN (:ids)")
			.param("ids", List.copyOf(ids))
			.query((rs, row) -> result.put(rs.getLong(1), rs.getObject(2) != null))
			.list();
		return result;
	}

	private List<RiskAcceptance> withItems(List<Partial> partials) {
		if (partials.isEmpty()) {
			return List.of();
		}
		var items = new HashMap<Long, List<Long>>();
		jdbc.sql("SELECT exception_id, vulnerability_id FROM vulnerability_exception_item WHERE exception_id IN (:ids)"
				+ " ORDER BY vulnerability_id")
			.param("ids", partials.stream().map(Partial::id).toList())
			.query((rs, row) -> items.computeIfAbsent(rs.getLong(1), id -> new ArrayList<>()).add(rs.getLong(2)))
			.list();
		return partials.stream().map(p -> p.with(items.getOrDefault(p.id(), List.of()))).toList();
	}

	private static Partial acceptance(ResultSet rs, int row) throws SQLException {
		return new Partial(rs.getLong("id"), RiskAcceptance.State.valueOf(rs.getString("state")),
				rs.getString("reason"), rs.getString("compensating_control"),
				rs.getObject("expires_on", LocalDate.class), rs.getString("requested_by"),
				VulnerabilityStore.instant(rs, "requested_at"), rs.getString("decided_by"),
				VulnerabilityStore.nullableInstant(rs, "decided_at"), rs.getString("decision_note"));
	}

	/** An exception read without its vulnerabilities. */
	private record Partial(long id, RiskAcceptance.State state, String reason, String compensatingControl,
			LocalDate expiresOn, String requestedBy, Instant requestedAt, @Nullable String decidedBy,
			@Nullable Instant decidedAt, @Nullable String decisionNote) {

		RiskAcceptance with(List<Long> vulnerabilities) {
			return new RiskAcceptance(id, state, vulnerabilities, reason, compensatingControl, expiresOn, requestedBy,
					requestedAt, decidedBy, decidedAt, decisionNote);
		}

	}

}
