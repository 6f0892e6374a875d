package io.soc2ops.catalog;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.soc2ops.evidence.EvidenceLedger;
import io.soc2ops.evidence.SubjectCount;

/**
 * The readiness map: every criterion's status from the tests recorded for its controls
 * and the automated check results of the Security Hub controls behind it.
 */
@Service
public class Readiness {

	private final Catalog catalog;

	private final ControlTests tests;

	private final EvidenceLedger ledger;

	private final ObjectProvider<AutomatedChecks> checks;

	private final Clock clock;

	Readiness(Catalog catalog, ControlTests tests, EvidenceLedger ledger, ObjectProvider<AutomatedChecks> checks,
			Clock clock) {
		this.catalog = catalog;
		this.tests = tests;
		this.ledger = ledger;
		this.checks = checks;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public List<CriterionReadiness> map() {
		var snapshot = snapshot();
		return catalog.criteria().stream().map(c -> criterion(c, snapshot)).toList();
	}

	@Transactional(readOnly = true)
	public Optional<CriterionReadiness> criterion(CriterionId id) {
		var snapshot = snapshot();
		return catalog.criterion(id).map(c -> criterion(c, snapshot));
	}

	@Transactional(readOnly = true)
	public List<ControlReadiness> controls() {
		var snapshot = snapshot();
		return catalog.controls().stream().map(c -> control(c, snapshot)).toList();
	}

	@Transactional(readOnly = true)
	public Optional<ControlReadiness> control(String id) {
		var snapshot = snapshot();
		return catalog.control(id).map(c -> control(c, snapshot));
	}

	/**
	 * The readiness map as it stood on a past day: the control tests performed by then
	 * and the automated check results recorded for that day. Empty when no check results
	 * were recorded for it. Today's is {@link #map()}.
	 * @throws IllegalArgumentException for a day after today
	 */
	@Transactional(readOnly = true)
	public Optional<List<CriterionReadiness>> mapOn(LocalDate day) {
		var today = today();
		requireNotAfterToday(day, today);
		if (day.equals(today)) {
			return Optional.of(map());
		}
		var results = recordedResults(day, day).get(day);
		if (results == null) {
			return Optional.empty();
		}
		var latest = new HashMap<String, ControlTest>();
		tests.performedThrough(day).forEach(test -> latest.put(test.controlId(), test));
		var snapshot = new Snapshot(latest, ledger.countsPerSubject(ControlTests.SUBJECT_PREFIX, day), results);
		return Optional.of(catalog.criteria().stream().map(c -> criterion(c, snapshot)).toList());
	}

	/**
	 * Every criterion's status on each day from {@code from} to {@code to}, both
	 * included: today from the current results, a past day from the results recorded for
	 * it (or none, when nothing was recorded).
	 * @throws IllegalArgumentException when {@code to} is after today or before
	 * {@code from}
	 */
	@Transactional(readOnly = true)
	public List<ReadinessOnDay> replay(LocalDate from, LocalDate to) {
		var today = today();
		requireNotAfterToday(to, today);
		if (to.isBefore(from)) {
			throw new IllegalArgumentException("the period ends (" + to + ") before it starts (" + from + ")");
		}
		var recorded = recordedResults(from, to);
		// a test may be recorded for tomorrow (UTC) where the tester's day has begun; the
		// current map counts it, so today's replay does too
		var performed = tests.performedThrough(today.plusDays(1));
		var latest = new HashMap<String, ControlTest>();
		int next = 0;
		var days = new ArrayList<ReadinessOnDay>();
		for (var day = from; !day.isAfter(to); day = day.plusDays(1)) {
			var through = day.equals(today) ? today.plusDays(1) : day;
			while (next < performed.size() && !performed.get(next).evidenceFor().isAfter(through)) {
				latest.put(performed.get(next).controlId(), performed.get(next));
				next++;
			}
			var results = day.equals(today) ? currentResults() : recorded.get(day);
			if (results == null) {
				days.add(new ReadinessOnDay(day, false, Map.of(), Map.of()));
				continue;
			}
			var snapshot = new Snapshot(latest, Map.of(), results);
			var statuses = new LinkedHashMap<CriterionId, ReadinessStatus>();
			catalog.criteria().forEach(c -> statuses.put(c.id(), criterion(c, snapshot).status()));
			days.add(new ReadinessOnDay(day, true, statuses, results));
		}
		return days;
	}

	private Snapshot snapshot() {
		return new Snapshot(tests.latestPerControl(), ledger.countsPerSubject(ControlTests.SUBJECT_PREFIX),
				currentResults());
	}

	private Map<String, CheckResult> currentResults() {
		var results = new HashMap<String, CheckResult>();
		checks.orderedStream().forEach(source -> results.putAll(source.results()));
		return results;
	}

	/** Results recorded per day by every source; a day none recorded is not a key. */
	private Map<LocalDate, Map<String, CheckResult>> recordedResults(LocalDate from, LocalDate to) {
		var results = new HashMap<LocalDate, Map<String, CheckResult>>();
		checks.orderedStream()
			.forEach(source -> source.resultsBetween(from, to)
				.forEach((day, byControl) -> results.computeIfAbsent(day, d -> new HashMap<>()).putAll(byControl)));
		return results;
	}

	private LocalDate today() {
		return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
	}

	private static void requireNotAfterToday(LocalDate day, LocalDate today) {
		if (day.isAfter(today)) {
			throw new IllegalArgumentException(day + " is in the future (today is " + today + " UTC)");
		}
	}

	private CriterionReadiness criterion(Criterion criterion, Snapshot snapshot) {
		var controls = catalog.controlsFor(criterion.id()).stream().map(c -> control(c, snapshot)).toList();
		var mapped = catalog.securityHubControlsFor(criterion.id());
		var results = new HashMap<String, CheckResult>();
		mapped.forEach(c -> Optional.ofNullable(snapshot.results().get(c.id())).ifPresent(r -> results.put(c.id(), r)));
		var statuses = Stream
			.concat(controls.stream().map(ControlReadiness::status),
					results.values().stream().map(CheckResult::status).filter(s -> s != ReadinessStatus.NO_DATA))
			.toList();
		return new CriterionReadiness(criterion, ReadinessRule.ofCriterion(statuses), controls, mapped, results);
	}

	private ControlReadiness control(Control control, Snapshot snapshot) {
		var latest = Optional.ofNullable(snapshot.latest().get(control.id()));
		var count = snapshot.counts().get(ControlTests.SUBJECT_PREFIX + control.id());
		var results = control.checks().stream().map(snapshot.results()::get).filter(Objects::nonNull).toList();
		return new ControlReadiness(control, ReadinessRule.ofControl(latest, results), latest,
				count == null ? 0 : count.entries(), results);
	}

	private record Snapshot(Map<String, ControlTest> latest, Map<String, SubjectCount> counts,
			Map<String, CheckResult> results) {
	}

}
