package io.soc2ops.access;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.soc2ops.evidence.Actor;
import io.soc2ops.evidence.EvidenceLedger;
import io.soc2ops.evidence.EvidenceRecord;

/**
 * Removals of access: opened by an expiry, a review's revocation, an offboarding or a
 * decision on unapproved access; confirmed by the person who removed it or by soc2ops's
 * own Identity Center call; verified when an inventory no longer lists the holding. Each
 * step is a ledger entry.
 */
@Service
public class AccessRemovals {

	static final int MAX_NOTE = 2000;

	private final JdbcClient jdbc;

	private final EvidenceLedger ledger;

	private final Clock clock;

	AccessRemovals(JdbcClient jdbc, EvidenceLedger ledger, Clock clock) {
		this.jdbc = jdbc;
		this.ledger = ledger;
		this.clock = clock;
	}

	/**
	 * Opens a removal of a holding, due at {@code dueAt}; when one for the same cause and
	 * holding is already open, that one.
	 */
	@Transactional
	public Removal open(RemovalReason reason, String cause, Holding holding, Instant dueAt, Actor by) {
		if (cause.isBlank() || cause.length() > 64) {
			throw AccessRefused.invalid("removal cause: 1-64 characters");
		}
		var existing = jdbc
			.sql("SELECT * FROM access_removal WHERE cause = :cause AND kind = :kind AND account_id = :account"
					+ " AND principal = :principal AND entitlement = :entitlement AND via = :via"
					+ " AND removed_at IS NULL AND verified_at IS NULL")
			.param("cause", cause)
			.param("kind", holding.kind().name())
			.param("account", holding.accountId())
			.param("principal", holding.principal())
			.param("entitlement", holding.entitlement())
			.param("via", holding.via())
			.query(AccessRemovals::removal)
			.optional();
		if (existing.isPresent()) {
			return existing.get();
		}
		Instant now = clock.instant();
		jdbc.sql("INSERT INTO access_removal (reason, cause, kind, person, account_id, principal, entitlement,"
				+ " entitlement_ref, via, opened_at, due_at) VALUES (:reason, :cause, :kind, :person, :account,"
				+ " :principal, :entitlement, :ref, :via, :opened, :due)")
			.param("reason", reason.name())
			.param("cause", cause)
			.param("kind", holding.kind().name())
			.param("person", holding.person().value())
			.param("account", holding.accountId())
			.param("principal", holding.principal())
			.param("entitlement", holding.entitlement())
			.param("ref", holding.entitlementRef())
			.param("via", holding.via())
			.param("opened", time(now))
			.param("due", time(dueAt))
			.update();
		var removal = lastOpened(cause, holding);
		record("access.removal-opened", by, removal, now, null);
		return removal;
	}

	/**
	 * A person (or soc2ops's own call) says the access is gone.
	 * @throws AccessRefused when there is no such removal, or it was confirmed already
	 */
	@Transactional
	public Removal confirm(long id, RemovalMethod method, Actor by, String note) {
		if (note.length() > MAX_NOTE) {
			throw AccessRefused.invalid("removal " + id + ": note is over " + MAX_NOTE + " characters");
		}
		Instant now = clock.instant();
		int updated = jdbc
			.sql("UPDATE access_removal SET method = :method, removed_at = :now, removed_by = :by, note = :note"
					+ " WHERE id = :id AND removed_at IS NULL")
			.param("method", method.name())
			.param("now", time(now))
			.param("by", by.toString())
			.param("note", note.isBlank() ? null : note.strip())
			.param("id", id)
			.update();
		if (updated == 0) {
			find(id).orElseThrow(() -> AccessRefused.notFound("removal " + id + " does not exist"));
			throw AccessRefused.conflict("removal " + id + " was confirmed already");
		}
		var removal = find(id).orElseThrow();
		record("access.removal-confirmed", by, removal, now, method);
		return removal;
	}

	/**
	 * Marks verified every removal whose holding no inventory lists any more; called
	 * after the holdings were brought up to date.
	 * @return how many were verified now
	 */
	@Transactional
	public int verifyGone(Instant seenAt) {
		var gone = jdbc
			.sql("SELECT * FROM access_removal r WHERE r.verified_at IS NULL AND NOT EXISTS (SELECT 1 FROM"
					+ " access_holding h WHERE h.gone_at IS NULL AND h.kind = r.kind AND h.account_id = r.account_id"
					+ " AND h.principal = r.principal AND h.entitlement = r.entitlement AND h.via = r.via)")
			.query(AccessRemovals::removal)
			.list();
		for (var removal : gone) {
			jdbc.sql("UPDATE access_removal SET verified_at = :at WHERE id = :id")
				.param("at", time(seenAt))
				.param("id", removal.id())
				.update();
			record("access.removal-verified", Actor.system("access"), removal, seenAt, null);
		}
		return gone.size();
	}

	public Optional<Removal> find(long id) {
		return jdbc.sql("SELECT * FROM access_removal WHERE id = :id")
			.param("id", id)
			.query(AccessRemovals::removal)
			.optional();
	}

	/** The removals one cause opened, oldest first. */
	public List<Removal> byCause(String cause) {
		return jdbc.sql("SELECT * FROM access_removal WHERE cause = :cause ORDER BY id")
			.param("cause", cause)
			.query(AccessRemovals::removal)
			.list();
	}

	/** Removals not yet done, the ones due first first. */
	public List<Removal> pending(int limit) {
		return jdbc
			.sql("SELECT * FROM access_removal WHERE removed_at IS NULL AND verified_at IS NULL ORDER BY due_at, id"
					+ " LIMIT :limit")
			.param("limit", limit)
			.query(AccessRemovals::removal)
			.list();
	}

	private Removal lastOpened(String cause, Holding holding) {
		return jdbc
			.sql("SELECT * FROM access_removal WHERE cause = :cause AND kind = :kind AND account_id = :account"
					+ " AND principal = :principal AND entitlement = :entitlement AND via = :via ORDER BY id DESC")
			.param("cause", cause)
			.param("kind", holding.kind().name())
			.param("account", holding.accountId())
			.param("principal", holding.principal())
			.param("entitlement", holding.entitlement())
			.param("via", holding.via())
			.query(AccessRemovals::removal)
			.list()
			.getFirst();
	}

	private void record(String action, Actor by, Removal removal, Instant at, @Nullable RemovalMethod method) {
		var payload = new LinkedHashMap<String, Object>();
		payload.put("reason", removal.reason().name());
		payload.put("cause", removal.cause());
		payload.put("kind", removal.kind().name());
		payload.put("person", removal.person().value());
		payload.put("account", removal.accountId());
		payload.put("principal", removal.principal());
		payload.put("entitlement", removal.entitlement());
		payload.put("via", removal.via());
		payload.put("dueAt", removal.dueAt().toString());
		if (method != null) {
			payload.put("method", method.name());
			removal.note().ifPresent(note -> payload.put("note", note));
		}
		ledger.record(new EvidenceRecord(action, by, "access", "access-removal:" + removal.id(),
				LocalDate.ofInstant(at, ZoneOffset.UTC), payload));
	}

	private static OffsetDateTime time(Instant instant) {
		return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

	static Removal removal(ResultSet rs, int row) throws SQLException {
		String method = rs.getString("method");
		return new Removal(rs.getLong("id"), RemovalReason.valueOf(rs.getString("reason")), rs.getString("cause"),
				HoldingKind.valueOf(rs.getString("kind")), new PersonKey(rs.getString("person")),
				rs.getString("account_id").strip(), rs.getString("principal"), rs.getString("entitlement"),
				rs.getString("entitlement_ref"), rs.getString("via"), instant(rs, "opened_at").orElseThrow(),
				instant(rs, "due_at").orElseThrow(),
				method == null ? Optional.empty() : Optional.of(RemovalMethod.valueOf(method)),
				instant(rs, "removed_at"), Optional.ofNullable(rs.getString("removed_by")),
				Optional.ofNullable(rs.getString("note")), instant(rs, "verified_at"));
	}

	private static Optional<Instant> instant(ResultSet rs, String column) throws SQLException {
		var value = rs.getObject(column, OffsetDateTime.class);
		return value == null ? Optional.empty() : Optional.of(value.toInstant());
	}

}
