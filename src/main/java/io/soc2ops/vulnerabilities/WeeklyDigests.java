package io.soc2ops.vulnerabilities;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import io.soc2ops.evidence.EvidenceLedger;
import io.soc2ops.evidence.EvidenceRecord;

/**
 * The weekly digest of each team, once per team and week: from the week's slot
 * ({@code soc2ops.vulnerabilities.notify.digest.*}, Monday 09:00 Asia/Tokyo unless set)
 * the next sweep compiles it, so one whose slot passed while no instance ran goes out
 * late rather than never. It says how many of the team's vulnerabilities are open,
 * overdue and excepted (by severity), how many became overdue and were fixed in the last
 * seven days, and lists the longest overdue; to the team's routes, each a ledger entry.
 */
@Component
class WeeklyDigests {

	static final Duration WEEK = Duration.ofDays(7);

	private final NoticeStore notices;

	private final MessageStore messages;

	private final NoticeMessages texts;

	private final NotificationSettings settings;

	private final EvidenceLedger ledger;

	private final TransactionTemplate transactions;

	private final Clock clock;

	WeeklyDigests(NoticeStore notices, MessageStore messages, NoticeMessages texts, NotificationSettings settings,
			EvidenceLedger ledger, TransactionTemplate transactions, Clock clock) {
		this.notices = notices;
		this.messages = messages;
		this.texts = texts;
		this.settings = settings;
		this.ledger = ledger;
		this.transactions = transactions;
		this.clock = clock;
	}

	/**
	 * @return how many teams' digests this sweep compiled
	 */
	int compileDue() {
		if (!settings.digest().enabled()) {
			return 0;
		}
		try {
			return Objects.requireNonNull(transactions.execute(status -> compileNow()));
		}
		catch (DuplicateKeyException ex) {
			// another sweep took some of them at the same moment (H2)
			return Objects.requireNonNull(transactions.execute(status -> compileNow()));
		}
	}

	/**
	 * The day (in the digest's zone) of the latest digest slot at or before {@code now}.
	 */
	static LocalDate weekOf(Instant now, NotificationSettings.Digest digest) {
		var local = now.atZone(digest.zone());
		var day = local.toLocalDate().with(TemporalAdjusters.previousOrSame(digest.day()));
		return day.atTime(digest.time()).atZone(digest.zone()).toInstant().isAfter(now) ? day.minusWeeks(1) : day;
	}

	private int compileNow() {
		Instant now = clock.instant();
		LocalDate weekOf = weekOf(now, settings.digest());
		int compiled = 0;
		for (var week : notices.weeks(now, now.minus(WEEK))) {
			if (notices.takeDigest(week.team(), weekOf, now)) {
				compile(week, weekOf, now);
				compiled++;
			}
		}
		return compiled;
	}

	private void compile(TeamWeek week, LocalDate weekOf, Instant now) {
		var oldest = notices.oldestOverdue(week.team(), now, settings.listed());
		var routes = settings.routesOf(week.team());
		for (String route : routes) {
			String id = UUID.randomUUID().toString();
			messages.queue(id, route, NoticeKind.DIGEST, (int) week.count(VulnerabilityStatus.OVERDUE),
					texts.digest(id, week, oldest, weekOf, settings.digest(), now), now);
			record(id, route, week, weekOf, oldest, now);
		}
		if (routes.isEmpty()) {
			record(UUID.randomUUID().toString(), null, week, weekOf, oldest, now);
		}
	}

	private void record(String id, @Nullable String route, TeamWeek week, LocalDate weekOf,
			List<ListedVulnerability> oldest, Instant now) {
		var payload = new LinkedHashMap<String, Object>();
		payload.put("kind", NoticeKind.DIGEST.name());
		if (route != null) {
			payload.put("route", route);
		}
		else {
			payload.put("delivery", "none: no route is configured for this team");
		}
		payload.put("team", week.team());
		payload.put("weekOf", weekOf.toString());
		for (var status : List.of(VulnerabilityStatus.OPEN, VulnerabilityStatus.OVERDUE,
				VulnerabilityStatus.EXCEPTED)) {
			payload.put(status.name().toLowerCase(java.util.Locale.ROOT),
					NoticeFlagging.severityCounts(week.bySeverity(status)));
		}
		payload.put("newlyOverdue", week.newlyOverdue());
		payload.put("fixed", week.count(VulnerabilityStatus.FIXED));
		payload.put("fixedWithinSla", week.fixedWithinSla());
		payload.put("longestOverdue", oldest.stream().map(ListedVulnerability::id).toList());
		ledger.record(new EvidenceRecord(NoticeKind.DIGEST.flaggedAction(), NoticeFlagging.ACTOR, "vulnerabilities",
				"vulnerability-notification:" + id, LocalDate.ofInstant(now, ZoneOffset.UTC), payload));
	}

}
