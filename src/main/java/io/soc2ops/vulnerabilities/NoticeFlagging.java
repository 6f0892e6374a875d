package io.soc2ops.vulnerabilities;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import io.soc2ops.evidence.Actor;
import io.soc2ops.evidence.EvidenceLedger;
import io.soc2ops.evidence.EvidenceRecord;
import io.soc2ops.policies.VulnerabilitySeverity;

/**
 * Flags the vulnerabilities that breached their SLA or are due soon, each once per kind,
 * and makes one notification per route of them: the vulnerabilities of the teams whose
 * notices go to a route are one message there (counts per severity, the most urgent
 * listed). Each notification is a ledger entry with every vulnerability it is about, and
 * its message waits in the outbox ({@link MessageStore}) until the route takes it;
 * vulnerabilities of teams without a route are recorded in the ledger alone. Flagging and
 * queueing are one transaction: a sweep that fails flags nothing.
 */
@Component
class NoticeFlagging {

	static final Actor ACTOR = Actor.system("vulnerability-notifications");

	private final NoticeStore notices;

	private final MessageStore messages;

	private final NoticeMessages texts;

	private final NotificationSettings settings;

	private final EvidenceLedger ledger;

	private final TransactionTemplate transactions;

	private final Clock clock;

	NoticeFlagging(NoticeStore notices, MessageStore messages, NoticeMessages texts, NotificationSettings settings,
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
	 * @return how many vulnerabilities this sweep flagged, by kind
	 */
	Map<NoticeKind, Integer> flag() {
		try {
			return Objects.requireNonNull(transactions.execute(status -> flagNow()));
		}
		catch (DuplicateKeyException ex) {
			// another sweep flagged some of them at the same moment (H2): they are its
			// now, and flagging again passes them over
			return Objects.requireNonNull(transactions.execute(status -> flagNow()));
		}
	}

	private Map<NoticeKind, Integer> flagNow() {
		Instant now = clock.instant();
		String sweep = UUID.randomUUID().toString();
		var flagged = new EnumMap<NoticeKind, Integer>(NoticeKind.class);
		for (var kind : List.of(NoticeKind.BREACHED, NoticeKind.DUE_SOON)) {
			int count = notices.flag(kind, now, now.plus(settings.dueWithin()), sweep);
			flagged.put(kind, count);
			if (count > 0) {
				notify(kind, sweep, now);
			}
		}
		return flagged;
	}

	private void notify(NoticeKind kind, String sweep, Instant now) {
		var counts = notices.flaggedCounts(sweep, kind);
		var teamsByRoute = new LinkedHashMap<String, List<String>>();
		var unrouted = new ArrayList<String>();
		for (String team : counts.keySet()) {
			var routes = settings.routesOf(team);
			if (routes.isEmpty()) {
				unrouted.add(team);
			}
			routes.forEach(route -> teamsByRoute.computeIfAbsent(route, r -> new ArrayList<>()).add(team));
		}
		teamsByRoute.forEach((route, teams) -> notifyRoute(kind, sweep, route, teams, counts, now));
		if (!unrouted.isEmpty()) {
			notifyRoute(kind, sweep, null, unrouted, counts, now);
		}
	}

	private void notifyRoute(NoticeKind kind, String sweep, @Nullable String route, List<String> teams,
			Map<String, Map<VulnerabilitySeverity, Long>> counts, Instant now) {
		var bySeverity = new EnumMap<VulnerabilitySeverity, Long>(VulnerabilitySeverity.class);
		var listed = new ArrayList<ListedVulnerability>();
		var ids = new ArrayList<Long>();
		for (String team : teams) {
			counts.get(team).forEach((severity, count) -> bySeverity.merge(severity, count, Long::sum));
			listed.addAll(notices.flagged(sweep, kind, team, settings.listed()));
			ids.addAll(notices.flaggedIds(sweep, kind, team));
		}
		listed.sort(Comparator.comparing(ListedVulnerability::severity)
			.thenComparing(ListedVulnerability::dueAt)
			.thenComparing(ListedVulnerability::id));
		var flagged = new NoticeMessages.Flagged(kind, teams, bySeverity,
				listed.subList(0, Math.min(settings.listed(), listed.size())));
		String id = UUID.randomUUID().toString();
		var payload = new LinkedHashMap<String, Object>();
		payload.put("kind", kind.name());
		if (route != null) {
			payload.put("route", route);
			messages.queue(id, route, kind, ids.size(), texts.flagged(id, flagged, settings.dueWithin(), now), now);
		}
		else {
			payload.put("delivery", "none: no route is configured for these teams");
		}
		payload.put("teams", teams);
		payload.put("count", ids.size());
		payload.put("bySeverity", severityCounts(bySeverity));
		if (kind == NoticeKind.DUE_SOON) {
			payload.put("dueWithin", settings.dueWithin().toString());
		}
		payload.put("vulnerabilities", ids);
		ledger.record(new EvidenceRecord(kind.flaggedAction(), ACTOR, "vulnerabilities",
				"vulnerability-notification:" + id, LocalDate.ofInstant(now, ZoneOffset.UTC), payload));
	}

	static Map<String, Long> severityCounts(Map<VulnerabilitySeverity, Long> counts) {
		var named = new LinkedHashMap<String, Long>();
		for (var severity : VulnerabilitySeverity.values()) {
			if (counts.getOrDefault(severity, 0L) > 0) {
				named.put(severity.name(), counts.get(severity));
			}
		}
		return named;
	}

}
