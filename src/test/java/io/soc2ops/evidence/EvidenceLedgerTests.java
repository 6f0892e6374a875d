package io.soc2ops.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.annotation.DirtiesContext;

@ApplicationModuleTest
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_EACH_TEST_METHOD)
class EvidenceLedgerTests {

	@Autowired
	EvidenceLedger ledger;

	@Autowired
	JdbcClient jdbc;

	LedgerTampering tampering;

	@BeforeEach
	void setUp() {
		tampering = new LedgerTampering(jdbc);
	}

	@Test
	void chainsEachEntryToTheOneBefore() {
		var first = record("control.tested", "control:ACC-01");
		var second = record("control.tested", "control:ACC-02");

		assertThat(first.sequence()).isEqualTo(1);
		assertThat(first.previousHash()).isEqualTo("0".repeat(64));
		assertThat(second.previousHash()).isEqualTo(first.hash());
		assertThat(ledger.verify()).isEqualTo(new ChainVerification.Intact(2));
	}

	@Test
	void anEmptyLedgerIsIntact() {
		assertThat(ledger.verify()).isEqualTo(new ChainVerification.Intact(0));
	}

	@Test
	void keepsTheDayTheEvidenceIsForApartFromWhenItWasRecorded() {
		var lateSignedReview = ledger.record(new EvidenceRecord("review.signed", Actor.user("mika"), "access",
				"review:2026-Q3", LocalDate.of(2026, 9, 30), Map.of("items", 42)));

		var stored = ledger.entry(lateSignedReview.sequence()).orElseThrow();
		assertThat(stored.evidenceFor()).isEqualTo(LocalDate.of(2026, 9, 30));
		assertThat(stored.recordedAt())
			.isAfter(LocalDate.of(2026, 10, 1).atStartOfDay().toInstant(java.time.ZoneOffset.UTC));
		assertThat(stored).isEqualTo(lateSignedReview);
	}

	@Test
	void storesThePayloadAsCanonicalJson() {
		var entry = ledger.record(new EvidenceRecord("control.tested", Actor.system("demo"), "catalog",
				"control:ACC-01", LocalDate.of(2026, 11, 1),
				Map.of("zeta", 1, "alpha", Map.of("b", List.of(1, 2), "a", "日本語 \"quoted\""))));

		assertThat(entry.payload()).isEqualTo("{\"alpha\":{\"a\":\"日本語 \\\"quoted\\\"\",\"b\":[1,2]},\"zeta\":1}");
		assertThat(ledger.verify()).isInstanceOf(ChainVerification.Intact.class);
	}

	@Test
	void theDatabaseRefusesUpdatesAndDeletes() {
		record("control.tested", "control:ACC-01");

		assertThatThrownBy(
				() -> jdbc.sql("UPDATE evidence_entry SET subject = 'control:X' WHERE sequence = 1").update())
			.isInstanceOf(DataAccessException.class)
			.rootCause()
			.hasMessageContaining("append-only");
		assertThatThrownBy(() -> jdbc.sql("DELETE FROM evidence_entry WHERE sequence = 1").update())
			.isInstanceOf(DataAccessException.class)
			.rootCause()
			.hasMessageContaining("append-only");
		assertThat(ledger.verify()).isEqualTo(new ChainVerification.Intact(1));
	}

	@ParameterizedTest(name = "changing {0} of a stored entry is detected")
	@ValueSource(strings = { "recorded_at = recorded_at + INTERVAL '1' SECOND", "evidence_for = DATE '2020-01-01'",
			"action = 'control.skipped'", "actor = 'user:mallory'", "module = 'access'", "subject = 'control:ACC-99'",
			"payload = '{\"outcome\":\"failed\"}'", "previous_hash = '" + "ab12" + "'", "hash = 'ff00'" })
	void changingAnyFieldOfAnyEntryIsDetected(String change) {
		fourEntries();
		for (long target = 1; target <= 4; target++) {
			var before = ledger.entry(target).orElseThrow();
			tampering.run("UPDATE evidence_entry SET "
					+ change.replace("'ab12'", "'" + "a".repeat(64) + "'").replace("'ff00'", "'" + "f".repeat(64) + "'")
					+ " WHERE sequence = " + target);

			var result = ledger.verify();

			assertThat(result).as("tampered entry #%d", target).isInstanceOf(ChainVerification.Broken.class);
			assertThat(((ChainVerification.Broken) result).sequence()).isEqualTo(target);
			restore(before);
			assertThat(ledger.verify()).isEqualTo(new ChainVerification.Intact(4));
		}
	}

	@Test
	void renumberingAnEntryIsDetected() {
		fourEntries();
		tampering.run("UPDATE evidence_entry SET sequence = 7 WHERE sequence = 2");

		assertThat(ledger.verify())
			.isEqualTo(new ChainVerification.Broken(1, 2, "entry #2 is missing (the next stored entry is #3)"));
	}

	@ParameterizedTest(name = "deleting entry #{0} is detected")
	@ValueSource(longs = { 1, 2, 3, 4 })
	void deletingAnyEntryIsDetected(long target) {
		fourEntries();
		tampering.run("DELETE FROM evidence_entry WHERE sequence = " + target);

		var result = ledger.verify();

		assertThat(result).isInstanceOf(ChainVerification.Broken.class);
		assertThat(((ChainVerification.Broken) result).sequence()).isEqualTo(target);
		assertThat(result.verified()).isEqualTo(target - 1);
	}

	@Test
	void deletingTheNewestEntriesAndTheHeadTogetherIsDetectedByTheHead() {
		fourEntries();
		tampering.run("DELETE FROM evidence_entry WHERE sequence >= 3");

		assertThat(ledger.verify()).isInstanceOf(ChainVerification.Broken.class)
			.extracting(ChainVerification::verified)
			.isEqualTo(2L);
	}

	@Test
	void reorderingTwoEntriesIsDetected() {
		fourEntries();
		tampering.run("UPDATE evidence_entry SET sequence = -2 WHERE sequence = 2",
				"UPDATE evidence_entry SET sequence = 2 WHERE sequence = 3",
				"UPDATE evidence_entry SET sequence = 3 WHERE sequence = -2");

		assertThat(ledger.verify()).isEqualTo(new ChainVerification.Broken(1, 2,
				"its previous hash does not match entry #1 (entries were removed, inserted or reordered)"));
	}

	@Test
	void concurrentAppendsNeverForkTheChain() throws Exception {
		List<Callable<EvidenceEntry>> tasks = new ArrayList<>();
		for (int i = 0; i < 40; i++) {
			String subject = "control:ACC-" + i;
			tasks.add(() -> record("control.tested", subject));
		}
		try (var executor = Executors.newFixedThreadPool(4)) {
			for (var future : executor.invokeAll(tasks)) {
				future.get();
			}
		}

		assertThat(ledger.verify()).isEqualTo(new ChainVerification.Intact(40));
	}

	@Test
	void findsTheLatestEntryPerSubject() {
		record("control.tested", "control:ACC-01");
		var newer = record("control.tested", "control:ACC-01");
		var other = record("control.tested", "control:ACC-02");
		record("control.noted", "control:ACC-02");
		record("control.tested", "controls:ignored");

		assertThat(ledger.latestPerSubject("control:", "control.tested"))
			.containsExactlyInAnyOrderEntriesOf(Map.of("control:ACC-01", newer, "control:ACC-02", other));
		assertThat(ledger.countsPerSubject("control:").get("control:ACC-02").entries()).isEqualTo(2);
	}

	@Test
	void theLatestEntryIsTheOneForTheMostRecentDayNotTheLastRecorded() {
		var today = ledger.record(new EvidenceRecord("control.tested", Actor.system("test"), "catalog",
				"control:ACC-01", LocalDate.of(2026, 11, 20), Map.of("outcome", "passed")));
		ledger.record(new EvidenceRecord("control.tested", Actor.system("test"), "catalog", "control:ACC-01",
				LocalDate.of(2026, 10, 1), Map.of("outcome", "failed", "note", "back-filled")));

		assertThat(ledger.latestPerSubject("control:", "control.tested"))
			.containsExactlyEntriesOf(Map.of("control:ACC-01", today));
	}

	private void fourEntries() {
		for (int i = 1; i <= 4; i++) {
			record("control.tested", "control:ACC-0" + i);
		}
		assertThat(ledger.verify()).isEqualTo(new ChainVerification.Intact(4));
	}

	private void restore(EvidenceEntry entry) {
		tampering.run("DELETE FROM evidence_entry WHERE sequence = " + entry.sequence());
		jdbc.sql("INSERT INTO evidence_entry (sequence, recorded_at, evidence_for, action, actor, module, subject,"
				+ " payload, previous_hash, hash) VALUES (:s, :r, :e, :a, :ac, :m, :su, :p, :ph, :h)")
			.param("s", entry.sequence())
			.param("r", java.time.OffsetDateTime.ofInstant(entry.recordedAt(), java.time.ZoneOffset.UTC))
			.param("e", entry.evidenceFor())
			.param("a", entry.action())
			.param("ac", entry.actor().toString())
			.param("m", entry.module())
			.param("su", entry.subject())
			.param("p", entry.payload())
			.param("ph", entry.previousHash())
			.param("h", entry.hash())
			.update();
	}

	private EvidenceEntry record(String action, String subject) {
		return ledger.record(new EvidenceRecord(action, Actor.system("test"), "catalog", subject,
				LocalDate.of(2026, 11, 1), Map.of("outcome", "passed")));
	}

}
