package io.soc2ops.alerting;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.soc2ops.evidence.Actor;
import io.soc2ops.identity.User;

/**
 * The response to alerts: each alert's case, its targets and timeline, and the changes
 * responders make to it. A case is opened with its alert; from then on
 *
 * <pre>
 * cases.change(alertId, CaseChange.of(CaseAction.ACKNOWLEDGE), Actor.user("alice"));
 * cases.change(alertId, CaseChange.assign("bob"), Actor.user("alice"));
 * cases.change(alertId, CaseChange.of(CaseAction.RESOLVE, "instance rebuilt"), Actor.user("bob"));
 * </pre>
 *
 * Every change is kept in the case's timeline and the evidence ledger; a refused one
 * ({@link CaseRefused}) changes nothing.
 */
@Service
public class AlertCases {

	public static final int PAGE_SIZE = 50;

	private final CaseLists lists;

	private final CaseStore store;

	private final ReminderStore reminders;

	private final CaseChanges changes;

	private final Responders responders;

	private final Clock clock;

	AlertCases(CaseLists lists, CaseStore store, ReminderStore reminders, CaseChanges changes, Responders responders,
			Clock clock) {
		this.lists = lists;
		this.store = store;
		this.reminders = reminders;
		this.changes = changes;
		this.responders = responders;
		this.clock = clock;
	}

	/** The alert with its case, its targets now and its timeline. */
	@Transactional(readOnly = true)
	public Optional<CaseFile> find(String alertId) {
		return lists.find(alertId).map(this::file);
	}

	/**
	 * @param page from 1
	 */
	@Transactional(readOnly = true)
	public CasePage page(int page, CaseFilter filter) {
		if (page < 1) {
			throw AlertingException.refused("page: must be 1 or more but was " + page);
		}
		var now = clock.instant();
		var rows = lists.page(filter, now, PAGE_SIZE, (page - 1) * PAGE_SIZE)
			.stream()
			.map(row -> new CaseSummary(row.alert(), row.alertCase(), CaseDeadlines.of(row.alertCase(), now)))
			.toList();
		return new CasePage(rows, page, lists.count(filter, now), filter);
	}

	/**
	 * Makes one change to the case of an alert.
	 * @return the case file after it
	 * @throws CaseRefused when the alert does not exist, the change is invalid, the actor
	 * may not make it, or the case's state does not allow it or moved on from
	 * {@link CaseChange#version()}; nothing was changed
	 */
	public CaseFile change(String alertId, CaseChange change, Actor by) {
		return file(changes.change(alertId, change, by));
	}

	/** The actions {@code by} may take on the case as it is now. */
	@Transactional(readOnly = true)
	public Set<CaseAction> allowed(AlertCase alertCase, Actor by) {
		return responders.allowed(alertCase, by);
	}

	/** The people a case can be assigned to. */
	@Transactional(readOnly = true)
	public List<User> assignable() {
		return responders.assignable();
	}

	private CaseFile file(AlertWithCase found) {
		var timeline = new ArrayList<CaseEvent>();
		timeline.add(CaseEvent.opened(found.alert()));
		timeline.addAll(store.events(found.alert().id()));
		timeline.addAll(reminders.events(found.alert().id()));
		timeline.sort(Comparator.comparing(CaseEvent::at));
		return new CaseFile(found.alert(), found.alertCase(), CaseDeadlines.of(found.alertCase(), clock.instant()),
				timeline);
	}

}
