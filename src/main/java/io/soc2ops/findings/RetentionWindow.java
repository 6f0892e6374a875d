package io.soc2ops.findings;

import java.time.LocalDate;
import java.util.Optional;

import org.springframework.stereotype.Component;

import io.soc2ops.evidence.EvidenceLedger;
import tools.jackson.databind.json.JsonMapper;

/**
 * Where the kept history starts: the cutoff of the last purge, as the ledger recorded it.
 * Before it, superseded versions are gone and no day can be replayed.
 */
@Component
class RetentionWindow {

	static final String SUBJECT = "findings:retention";

	static final String PURGED = "findings.purged";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final EvidenceLedger ledger;

	RetentionWindow(EvidenceLedger ledger) {
		this.ledger = ledger;
	}

	Optional<LocalDate> lastPurgeCutoff() {
		return Optional.ofNullable(ledger.latestPerSubject(SUBJECT, PURGED).get(SUBJECT))
			.map(entry -> LocalDate.parse(JSON.readTree(entry.payload()).path("cutoff").asString()));
	}

}
