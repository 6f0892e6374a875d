package io.soc2ops.access;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.soc2ops.evidence.Actor;
import io.soc2ops.evidence.EvidenceLedger;
import io.soc2ops.evidence.EvidenceRecord;
import io.soc2ops.identity.Capability;
import io.soc2ops.identity.Users;

/**
 * Offboarding: when a person leaves, every holding they have across IAM and Identity
 * Center gets a removal ({@link AccessRemovals}, reason OFFBOARDING), due by the end of
 * the target's last business day after the leaving day; the time from the end of the
 * leaving day to the last removal is measured against that target. Starting and
 * completing are ledger entries. ADMIN and OPERATOR run offboardings.
 */
@Service
@EnableConfigurationProperties(OffboardingSettings.class)
public class Offboardings {

	/** Fixed, so that publications left incomplete find the listener again. */
	static final String LISTENER_ID = "access.offboarding-completion";

	private static final Actor SYSTEM = Actor.system("access");

	private final JdbcClient jdbc;

	private final AccessPeople people;

	private final AccessRemovals removals;

	private final Users users;

	private final EvidenceLedger ledger;

	private final OffboardingSettings settings;

	private final Clock clock;

	Offboardings(JdbcClient jdbc, AccessPeople people, AccessRemovals removals, Users users, EvidenceLedger ledger,
			OffboardingSettings settings, Clock clock) {
		this.jdbc = jdbc;
		this.people = people;
		this.removals = removals;
		this.users = users;
		this.ledger = ledger;
		this.settings = settings;
		this.clock = clock;
	}

	/**
	 * Starts the offboarding of a person who leaves on {@code leftOn}: records the day in
	 * the people directory and opens a removal for each holding they have now.
	 * @throws AccessRefused when the person is unknown, has an offboarding under way, the
	 * day is more than a year away, or {@code by} may not
	 */
	@Transactional
	public Offboarding start(PersonKey person, LocalDate leftOn, Actor by) {
		allowed(by);
		people.find(person).orElseThrow(() -> AccessRefused.notFound("person " + person + " is not known"));
		Instant now = clock.instant();
		LocalDate today = LocalDate.ofInstant(now, settings.zoneId());
		if (leftOn.isBefore(today.minusYears(1)) || leftOn.isAfter(today.plusYears(1))) {
			throw AccessRefused.invalid("leftOn: " + leftOn + " is more than a year from today (" + today + ")");
		}
		var underWay = jdbc
			.sql("SELECT id FROM access_offboarding WHERE person = :person AND completed_at IS NULL ORDER BY id")
			.param("person", person.value())
			.query(Long.class)
			.list();
		if (!underWay.isEmpty()) {
			throw AccessRefused
				.conflict("person " + person + " has offboarding " + underWay.getFirst() + " under way already");
		}
		ZoneId zone = settings.zoneId();
		Instant due = settings.businessDays()
			.after(leftOn, settings.targetBusinessDays())
			.plusDays(1)
			.atStartOfDay(zone)
			.toInstant();
		var keys = new GeneratedKeyHolder();
		jdbc.sql("INSERT INTO access_offboarding (person, left_on, zone, target_days, due_at, started_at, started_by)"
				+ " VALUES (:person, :left, :zone, :target, :due, :now, :by)")
			.param("person", person.value())
			.param("left", leftOn)
			.param("zone", zone.getId())
			.param("target", settings.targetBusinessDays())
			.param("due", time(due))
			.param("now", time(now))
			.param("by", by.toString())
			.update(keys, "id");
		long id = keys.getKeyAs(Long.class);
		people.leaves(person, leftOn, now);
		var held = holdings("h.person = :key", Map.of("key", person.value()), 10_000);
		for (var holding : held) {
			removals.open(RemovalReason.OFFBOARDING, Offboarding.cause(id), holding, due, by);
		}
		var payload = new LinkedHashMap<String, Object>();
		payload.put("person", person.value());
		payload.put("leftOn", leftOn.toString());
		payload.put("dueAt", due.toString());
		payload.put("targetBusinessDays", settings.targetBusinessDays());
		payload.put("zone", zone.getId());
		payload.put("holdings", held.size());
		record("access.offboarding-started", by, id, now, payload);
		completeIfDone(id);
		return require(id);
	}

	/**
	 * Adds a holding of another person key (an IAM user named otherwise, say) to an
	 * offboarding, with its removal; a completed offboarding is open again until that is
	 * removed too.
	 */
	@Transactional
	public Offboarding add(long id, long holdingId, Actor by) {
		allowed(by);
		var offboarding = require(id);
		var holding = holdings("h.id = :id", Map.of("id", holdingId), 1).stream()
			.findFirst()
			.orElseThrow(() -> AccessRefused.notFound("holding " + holdingId + " does not exist or is gone"));
		var removal = removals.open(RemovalReason.OFFBOARDING, Offboarding.cause(id), holding, offboarding.dueAt(), by);
		if (offboarding.completedAt().isPresent() && !removal.done()) {
			jdbc.sql("UPDATE access_offboarding SET completed_at = NULL WHERE id = :id").param("id", id).update();
		}
		var payload = new LinkedHashMap<String, Object>();
		payload.put("person", offboarding.person().value());
		payload.put("holdingPerson", holding.person().value());
		payload.put("account", holding.accountId());
		payload.put("principal", holding.principal());
		payload.put("entitlement", holding.entitlement());
		payload.put("removal", removal.id());
		record("access.offboarding-holding-added", by, id, clock.instant(), payload);
		return require(id);
	}

	/**
	 * Confirms one of the offboarding's removals (a person removed the access), then
	 * completes the offboarding if that was the last.
	 */
	@Transactional
	public Offboarding confirm(long id, long removalId, String note, Actor by) {
		allowed(by);
		require(id);
		var removal = removals.find(removalId)
			.filter(r -> r.cause().equals(Offboarding.cause(id)))
			.orElseThrow(() -> AccessRefused.notFound("offboarding " + id + " has no removal " + removalId));
		removals.confirm(removal.id(), RemovalMethod.OPERATOR, by, note);
		completeIfDone(id);
		return require(id);
	}

	/** Offboardings, newest first. */
	@Transactional(readOnly = true)
	public List<Offboarding> list(int limit) {
		return jdbc.sql("SELECT * FROM access_offboarding ORDER BY id DESC LIMIT :limit")
			.param("limit", Math.max(1, Math.min(limit, 1000)))
			.query(this::offboarding)
			.list();
	}

	@Transactional(readOnly = true)
	public Optional<Offboarding> find(long id) {
		return jdbc.sql("SELECT * FROM access_offboarding WHERE id = :id")
			.param("id", id)
			.query(this::offboarding)
			.optional();
	}

	/**
	 * Current holdings whose person key or principal contains {@code search}: what can be
	 * added to an offboarding by hand.
	 */
	@Transactional(readOnly = true)
	public List<Holding> holdings(String search, int limit) {
		if (search.isBlank()) {
			return List.of();
		}
		String like = "%"
				+ search.strip().toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
				+ "%";
		return holdings("(h.person LIKE :like ESCAPE '\\' OR LOWER(h.principal) LIKE :like ESCAPE '\\')",
				Map.of("like", like), Math.max(1, Math.min(limit, 200)));
	}

	/** Completes the offboardings whose removals an inventory saw done. */
	@ApplicationModuleListener(id = LISTENER_ID)
	void on(AccessInventoryChanged changed) {
		completeAllDone();
	}

	/** Completes every offboarding under way whose removals are all done. */
	@Transactional
	public int completeAllDone() {
		int completed = 0;
		for (long id : jdbc.sql("SELECT id FROM access_offboarding WHERE completed_at IS NULL ORDER BY id")
			.query(Long.class)
			.list()) {
			completed += completeIfDone(id) ? 1 : 0;
		}
		return completed;
	}

	private boolean completeIfDone(long id) {
		var offboarding = require(id);
		if (offboarding.completedAt().isPresent() || offboarding.removals().stream().anyMatch(r -> !r.done())) {
			return false;
		}
		Instant done = offboarding.removals()
			.stream()
			.map(r -> r.doneAt().orElseThrow())
			.max(Comparator.naturalOrder())
			.orElse(offboarding.startedAt());
		jdbc.sql("UPDATE access_offboarding SET completed_at = :done WHERE id = :id AND completed_at IS NULL")
			.param("done", time(done))
			.param("id", id)
			.update();
		var completed = require(id);
		var payload = new LinkedHashMap<String, Object>();
		payload.put("person", completed.person().value());
		payload.put("leftOn", completed.leftOn().toString());
		payload.put("completedAt", done.toString());
		payload.put("dueAt", completed.dueAt().toString());
		payload.put("state", completed.state().name());
		payload.put("tookMinutes", completed.took().orElseThrow().toMinutes());
		payload.put("businessDaysTaken", completed.businessDaysTaken().orElseThrow());
		payload.put("targetBusinessDays", completed.targetBusinessDays());
		payload.put("removals", completed.removals().size());
		record("access.offboarding-completed", SYSTEM, id, done, payload);
		return true;
	}

	private Offboarding require(long id) {
		return find(id).orElseThrow(() -> AccessRefused.notFound("offboarding " + id + " does not exist"));
	}

	private void allowed(Actor by) {
		if (by.kind() == Actor.Kind.USER
				&& users.person(by).filter(user -> Capability.RUN_OFFBOARDINGS.allows(user.roles())).isEmpty()) {
			throw AccessRefused.forbidden(by.name() + " may not run offboardings");
		}
	}

	private List<Holding> holdings(String where, Map<String, ?> params, int limit) {
		return jdbc
			.sql("SELECT * FROM access_holding h WHERE h.gone_at IS NULL AND " + where
					+ " ORDER BY h.account_id, h.kind, h.principal, h.entitlement, h.via LIMIT :limit")
			.params(params)
			.param("limit", limit)
			.query(Offboardings::holding)
			.list();
	}

	private void record(String action, Actor by, long id, Instant at, Map<String, Object> payload) {
		ledger.record(new EvidenceRecord(action, by, "access", "offboarding:" + id,
				LocalDate.ofInstant(at, ZoneOffset.UTC), payload));
	}

	private Offboarding offboarding(ResultSet rs, int row) throws SQLException {
		long id = rs.getLong("id");
		ZoneId zone = ZoneId.of(rs.getString("zone"));
		LocalDate leftOn = rs.getObject("left_on", LocalDate.class);
		Instant due = instant(rs, "due_at").orElseThrow();
		var completed = instant(rs, "completed_at");
		Instant leftAt = leftOn.plusDays(1).atStartOfDay(zone).toInstant();
		var took = completed.map(done -> Duration.between(leftAt, done));
		var businessDays = completed
			.map(done -> settings.businessDays().between(leftOn, LocalDate.ofInstant(done, zone)));
		OffboardingState state;
		if (completed.isPresent()) {
			state = completed.get().isAfter(due) ? OffboardingState.COMPLETED_LATE : OffboardingState.COMPLETED_IN_TIME;
		}
		else {
			state = clock.instant().isAfter(due) ? OffboardingState.OVERDUE : OffboardingState.OPEN;
		}
		return new Offboarding(id, new PersonKey(rs.getString("person")), leftOn, zone, rs.getInt("target_days"), due,
				instant(rs, "started_at").orElseThrow(), rs.getString("started_by"),
				removals.byCause(Offboarding.cause(id)), completed, took, businessDays, state);
	}

	static Holding holding(ResultSet rs, int row) throws SQLException {
		return new Holding(rs.getLong("id"), HoldingKind.valueOf(rs.getString("kind")),
				rs.getString("account_id").strip(), new PersonKey(rs.getString("person")), rs.getString("principal"),
				rs.getString("entitlement"), rs.getString("entitlement_ref"), rs.getString("via"),
				instant(rs, "first_seen").orElseThrow(), instant(rs, "gone_at"));
	}

	private static Optional<Instant> instant(ResultSet rs, String column) throws SQLException {
		var value = rs.getObject(column, OffsetDateTime.class);
		return value == null ? Optional.empty() : Optional.of(value.toInstant());
	}

	private static OffsetDateTime time(Instant instant) {
		return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

}
