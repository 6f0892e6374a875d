package io.soc2ops.catalog;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.soc2ops.evidence.Actor;
import io.soc2ops.evidence.EvidenceEntry;
import io.soc2ops.evidence.EvidenceLedger;
import io.soc2ops.evidence.EvidenceRecord;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Records that a control was tested and how it came out. The ledger is the only store: a
 * test result is evidence, nothing else.
 */
@Service
public class ControlTests {

	static final String ACTION = "control.tested";

	static final String SUBJECT_PREFIX = "control:";

	static final int MAX_NOTE = 2000;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final Catalog catalog;

	private final EvidenceLedger ledger;

	private final Clock clock;

	ControlTests(Catalog catalog, EvidenceLedger ledger, Clock clock) {
		this.catalog = catalog;
		this.ledger = ledger;
		this.clock = clock;
	}

	/**
	 * @param evidenceFor the day the test was performed; not in the future
	 */
	@Transactional
	public ControlTest record(String controlId, TestOutcome outcome, LocalDate evidenceFor, String note, Actor by) {
		var control = catalog.control(controlId)
			.orElseThrow(() -> new CatalogException("no control " + controlId, true));
		if (evidenceFor.isAfter(LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).plusDays(1))) {
			throw new CatalogException("a test cannot be recorded for a day in the future (" + evidenceFor + ")",
					false);
		}
		String trimmed = note.strip();
		if (trimmed.length() > MAX_NOTE) {
			throw new CatalogException("note is longer than " + MAX_NOTE + " characters", false);
		}
		var entry = ledger.record(new EvidenceRecord(ACTION, by, "catalog", SUBJECT_PREFIX + control.id(), evidenceFor,
				Map.of("outcome", outcome.stored(), "note", trimmed)));
		return test(entry);
	}

	@Transactional(readOnly = true)
	public List<ControlTest> history(String controlId, int limit) {
		return ledger.about(SUBJECT_PREFIX + controlId, limit)
			.stream()
			.filter(e -> e.action().equals(ACTION))
			.map(ControlTests::test)
			.toList();
	}

	Map<String, ControlTest> latestPerControl() {
		var latest = new java.util.HashMap<String, ControlTest>();
		ledger.latestPerSubject(SUBJECT_PREFIX, ACTION)
			.forEach((subject, entry) -> latest.put(subject.substring(SUBJECT_PREFIX.length()), test(entry)));
		return latest;
	}

	/**
	 * Every test performed up to a day (by the day it is evidence for), oldest first and
	 * in recording order within a day, so the last one per control is its latest then.
	 */
	List<ControlTest> performedThrough(LocalDate day) {
		return ledger.withAction(SUBJECT_PREFIX, ACTION, day).stream().map(ControlTests::test).toList();
	}

	static ControlTest test(EvidenceEntry entry) {
		JsonNode payload = JSON.readTree(entry.payload());
		return new ControlTest(entry.subject().substring(SUBJECT_PREFIX.length()),
				TestOutcome.fromStored(payload.path("outcome").asString()), entry.evidenceFor(), entry.recordedAt(),
				entry.actor().toString(), payload.path("note").asString(""), entry.sequence());
	}

}
