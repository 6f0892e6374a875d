package io.soc2ops.catalog;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.soc2ops.evidence.EvidenceLedger;
import io.soc2ops.evidence.SubjectCount;

/**
 * The readiness map: every criterion's status from the evidence recorded for its
 * controls.
 */
@Service
public class Readiness {

	private final Catalog catalog;

	private final ControlTests tests;

	private final EvidenceLedger ledger;

	Readiness(Catalog catalog, ControlTests tests, EvidenceLedger ledger) {
		this.catalog = catalog;
		this.tests = tests;
		this.ledger = ledger;
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
		return new Snapshot(tests.latestPerControl(), ledger.countsPerSubject(ControlTests.SUBJECT_PREFIX));
	}

	private CriterionReadiness criterion(Criterion criterion, Snapshot snapshot) {
		var controls = catalog.controlsFor(criterion.id()).stream().map(c -> control(c, snapshot)).toList();
		var status = ReadinessRule.ofCriterion(controls.stream().map(ControlReadiness::status).toList());
		return new CriterionReadiness(criterion, status, controls, catalog.securityHubControlsFor(criterion.id()));
	}

	private ControlReadiness control(Control control, Snapshot snapshot) {
		var latest = Optional.ofNullable(snapshot.latest().get(control.id()));
		var count = snapshot.counts().get(ControlTests.SUBJECT_PREFIX + control.id());
		return new ControlReadiness(control, ReadinessRule.ofControl(latest), latest,
				count == null ? 0 : count.entries());
	}

	private record Snapshot(Map<String, ControlTest> latest, Map<String, SubjectCount> counts) {
	}

}
