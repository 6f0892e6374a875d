package io.soc2ops.catalog;

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

	Readiness(Catalog catalog, ControlTests tests, EvidenceLedger ledger, ObjectProvider<AutomatedChecks> checks) {
		this.catalog = catalog;
		this.tests = tests;
		this.ledger = ledger;
		this.checks = checks;
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

	private Snapshot snapshot() {
		var results = new java.util.HashMap<String, CheckResult>();
		checks.orderedStream().forEach(source -> results.putAll(source.results()));
		return new Snapshot(tests.latestPerControl(), ledger.countsPerSubject(ControlTests.SUBJECT_PREFIX), results);
	}

	private CriterionReadiness criterion(Criterion criterion, Snapshot snapshot) {
		var controls = catalog.controlsFor(criterion.id()).stream().map(c -> control(c, snapshot)).toList();
		var mapped = catalog.securityHubControlsFor(criterion.id());
		var results = new java.util.HashMap<String, CheckResult>();
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
