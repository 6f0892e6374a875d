package io.soc2ops.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.annotation.DirtiesContext;

import io.soc2ops.evidence.Actor;
import io.soc2ops.evidence.EvidenceLedger;

/**
 * Readiness of the shipped catalog from the tests recorded in the ledger. The ledger is
 * append-only, so every test gets a fresh context and database.
 */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.DIRECT_DEPENDENCIES)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_EACH_TEST_METHOD)
class ReadinessTests {

	/** Late evening in UTC; in Tokyo it is already 3 November. */
	static final Instant NOW = Instant.parse("2026-11-02T23:30:00Z");

	static final LocalDate TODAY = LocalDate.of(2026, 11, 2);

	static final Actor MIKA = Actor.user("mika");

	@TestConfiguration
	static class FixedClock {

		@Bean
		@Primary
		Clock fixedClock() {
			return Clock.fixed(NOW, ZoneOffset.UTC);
		}

	}

	@Autowired
	Readiness readiness;

	@Autowired
	ControlTests tests;

	@Autowired
	Catalog catalog;

	@Autowired
	EvidenceLedger ledger;

	@Test
	void aFreshInstallNeedsEvidenceWhereControlsExistAndHasNoDataElsewhere() {
		var vendors = readiness.criterion(id("CC9.2")).orElseThrow();
		var notice = readiness.criterion(id("P1.1")).orElseThrow();

		assertThat(vendors.status()).isEqualTo(ReadinessStatus.NEEDS_EVIDENCE);
		assertThat(vendors.controls()).extracting(c -> c.control().id())
			.containsExactlyInAnyOrder("VEN-01", "VEN-02", "VEN-03");
		assertThat(vendors.withoutEvidence()).isEqualTo(3);
		assertThat(vendors.passing()).isZero();
		assertThat(notice.status()).isEqualTo(ReadinessStatus.NO_DATA);
		assertThat(notice.controls()).isEmpty();
		assertThat(readiness.map()).hasSize(61)
			.allSatisfy(c -> assertThat(c.status()).as(c.criterion().id().value())
				.isEqualTo(catalog.controlsFor(c.criterion().id()).isEmpty() ? ReadinessStatus.NO_DATA
						: ReadinessStatus.NEEDS_EVIDENCE));
	}

	@Test
	void aCriterionWithMappedSecurityHubControlsButNoCompanyControlHasNoData() {
		var retention = readiness.criterion(id("P4.2")).orElseThrow();

		assertThat(retention.securityHubControls()).extracting(SecurityHubControl::id).contains("S3.13");
		assertThat(retention.status()).isEqualTo(ReadinessStatus.NO_DATA);
	}

	@Test
	void aCriterionPassesOnceEveryControlBehindItPassed() {
		var controls = controlIds("A1.3");
		assertThat(controls).hasSizeGreaterThan(1);

		for (var control : controls.subList(0, controls.size() - 1)) {
			tests.record(control, TestOutcome.PASSED, TODAY, "restore drill", MIKA);
		}
		assertThat(status("A1.3")).isEqualTo(ReadinessStatus.NEEDS_EVIDENCE);

		tests.record(controls.getLast(), TestOutcome.PASSED, TODAY, "restore drill", MIKA);
		var recovery = readiness.criterion(id("A1.3")).orElseThrow();
		assertThat(recovery.status()).isEqualTo(ReadinessStatus.PASSING);
		assertThat(recovery.passing()).isEqualTo(controls.size());
		assertThat(recovery.withoutEvidence()).isZero();
	}

	@Test
	void aLaterFailedTestOfOneControlMakesTheCriterionFail() {
		var controls = controlIds("A1.3");
		for (var control : controls) {
			tests.record(control, TestOutcome.PASSED, TODAY.minusDays(7), "", MIKA);
		}
		assertThat(status("A1.3")).isEqualTo(ReadinessStatus.PASSING);

		tests.record("CON-04", TestOutcome.FAILED, TODAY, "backup restore took 9 hours, RTO is 4", MIKA);

		var recovery = readiness.criterion(id("A1.3")).orElseThrow();
		assertThat(recovery.status()).isEqualTo(ReadinessStatus.FAILING);
		assertThat(recovery.failing()).isEqualTo(1);
		assertThat(recovery.passing()).isEqualTo(controls.size() - 1);
		assertThat(readiness.control("CON-04").orElseThrow().status()).isEqualTo(ReadinessStatus.FAILING);
		// the same control also addresses CC9.1, which fails with it
		assertThat(catalog.control("CON-04").orElseThrow().criteria()).contains(id("CC9.1"));
		assertThat(status("CC9.1")).isEqualTo(ReadinessStatus.FAILING);
	}

	@Test
	void theLatestTestWins() {
		assertThat(controlIds("CC2.1")).containsExactly("POL-03");
		tests.record("POL-03", TestOutcome.FAILED, TODAY.minusDays(1), "retention periods missing", MIKA);
		assertThat(status("CC2.1")).isEqualTo(ReadinessStatus.FAILING);

		var fixed = tests.record("POL-03", TestOutcome.PASSED, TODAY, "retention periods added", MIKA);

		var control = readiness.control("POL-03").orElseThrow();
		assertThat(control.status()).isEqualTo(ReadinessStatus.PASSING);
		assertThat(control.latestTest()).contains(fixed);
		assertThat(control.evidenceEntries()).isEqualTo(2);
		assertThat(status("CC2.1")).isEqualTo(ReadinessStatus.PASSING);
		assertThat(tests.history("POL-03", 10)).extracting(ControlTest::outcome)
			.containsExactly(TestOutcome.PASSED, TestOutcome.FAILED);
	}

	@Test
	void refusesATestOfAnUnknownControlAndStoresNothing() {
		long before = ledger.size();

		assertThatThrownBy(() -> tests.record("ACC-99", TestOutcome.PASSED, TODAY, "", MIKA))
			.isInstanceOfSatisfying(CatalogException.class, ex -> assertThat(ex.isNotFound()).isTrue())
			.hasMessage("no control ACC-99");
		assertThat(ledger.size()).isEqualTo(before);
	}

	@Test
	void refusesATestDatedInTheFutureAndStoresNothing() {
		long before = ledger.size();

		assertThatThrownBy(() -> tests.record("VEN-01", TestOutcome.PASSED, TODAY.plusDays(2), "", MIKA))
			.isInstanceOfSatisfying(CatalogException.class, ex -> assertThat(ex.isNotFound()).isFalse())
			.hasMessage("a test cannot be recorded for a day in the future (2026-11-04)");
		assertThat(ledger.size()).isEqualTo(before);
		assertThat(readiness.control("VEN-01").orElseThrow().status()).isEqualTo(ReadinessStatus.NEEDS_EVIDENCE);
	}

	@Test
	void acceptsTomorrowInUtcBecauseItIsAlreadyTodayEastOfUtc() {
		// time zones run to UTC+14: someone in Tokyo at 08:30 on 3 November records
		// "today"
		var test = tests.record("VEN-01", TestOutcome.PASSED, TODAY.plusDays(1), "", MIKA);

		assertThat(test.evidenceFor()).isEqualTo(LocalDate.of(2026, 11, 3));
	}

	@Test
	void refusesANoteLongerThanTwoThousandCharacters() {
		long before = ledger.size();

		assertThatThrownBy(() -> tests.record("VEN-01", TestOutcome.PASSED, TODAY, "x".repeat(2001), MIKA))
			.isInstanceOfSatisfying(CatalogException.class, ex -> assertThat(ex.isNotFound()).isFalse())
			.hasMessage("note is longer than 2000 characters");
		assertThat(ledger.size()).isEqualTo(before);

		var longest = tests.record("VEN-01", TestOutcome.PASSED, TODAY, "  " + "x".repeat(2000) + "\n", MIKA);
		assertThat(longest.note()).isEqualTo("x".repeat(2000));
		assertThat(ledger.size()).isEqualTo(before + 1);
	}

	@Test
	void keepsTheDayATestWasPerformedWhenItIsRecordedLater() {
		var performed = LocalDate.of(2026, 10, 15);

		var test = tests.record("VEN-02", TestOutcome.PASSED, performed, "vendor review signed on paper", MIKA);

		assertThat(test.evidenceFor()).isEqualTo(performed);
		assertThat(test.recordedAt()).isEqualTo(NOW);
		assertThat(test.by()).isEqualTo("user:mika");
		assertThat(test.note()).isEqualTo("vendor review signed on paper");
		var stored = ledger.entry(test.ledgerSequence()).orElseThrow();
		assertThat(stored.evidenceFor()).isEqualTo(performed);
		assertThat(stored.subject()).isEqualTo("control:VEN-02");
		assertThat(readiness.control("VEN-02").orElseThrow().latestTest()).contains(test);
	}

	@Test
	void aManualControlWithoutEvidenceIsAGapUntilTested() {
		assertThat(catalog.control("VEN-01").orElseThrow().automated()).isFalse();
		assertThat(catalog.control("ACC-01").orElseThrow().automated()).isTrue();

		assertThat(readiness.control("VEN-01").orElseThrow().gap()).isTrue();
		// an automated control is checked by Security Hub, so it is never a gap
		assertThat(readiness.control("ACC-01").orElseThrow().gap()).isFalse();
		assertThat(readiness.criterion(id("CC9.2")).orElseThrow().gaps()).extracting(c -> c.control().id())
			.contains("VEN-01");

		tests.record("VEN-01", TestOutcome.FAILED, TODAY, "two vendors without a current SOC 2 report", MIKA);

		var tested = readiness.control("VEN-01").orElseThrow();
		assertThat(tested.gap()).isFalse();
		assertThat(tested.evidenceEntries()).isEqualTo(1);
		assertThat(readiness.criterion(id("CC9.2")).orElseThrow().gaps()).extracting(c -> c.control().id())
			.doesNotContain("VEN-01");
	}

	@Test
	void answersNothingForUnknownCriteriaAndControls() {
		assertThat(readiness.criterion(id("CC6.9"))).isEmpty();
		assertThat(readiness.control("ACC-99")).isEmpty();
	}

	private ReadinessStatus status(String criterion) {
		return readiness.criterion(id(criterion)).orElseThrow().status();
	}

	private List<String> controlIds(String criterion) {
		return catalog.controlsFor(id(criterion)).stream().map(Control::id).toList();
	}

	private static CriterionId id(String value) {
		return CriterionId.of(value);
	}

}
