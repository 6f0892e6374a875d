package io.soc2ops.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;

import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.DefaultResourceLoader;

/**
 * The catalog files are validated against each other at start, and every problem names
 * the file and line to fix. Each fixture under {@code catalog-fixtures/} is the
 * {@code valid} catalog with one thing broken.
 */
class CatalogLoaderTests {

	@Test
	void loadsAValidMinimalCatalog() {
		var catalog = new Catalog(load("valid"));

		assertThat(catalog.version()).isEqualTo("criteria fixture-criteria-1, mapping fixture-mapping-1");
		assertThat(catalog.criteria()).extracting(Criterion::id)
			.containsExactly(id("CC6.1"), id("CC6.6"), id("CC7.2"), id("A1.2"));
		var monitoring = catalog.criterion(id("CC7.2")).orElseThrow();
		assertThat(monitoring.group()).isEqualTo("CC7");
		assertThat(monitoring.title().in(Locale.ENGLISH)).isEqualTo("System components are monitored for anomalies");
		assertThat(monitoring.title().in(Locale.JAPANESE)).isEqualTo("システム構成要素の異常の監視");

		var guardDuty = catalog.securityHubControl("GuardDuty.1").orElseThrow();
		assertThat(guardDuty.service()).isEqualTo("GuardDuty");
		assertThat(guardDuty.severity()).isEqualTo(SecurityHubControl.Severity.HIGH);
		assertThat(guardDuty.criteria()).containsExactly(id("CC7.2"), id("CC6.1"));
		assertThat(guardDuty.rationale())
			.isEqualTo("GuardDuty is the threat detection that anomaly monitoring relies on.");
		assertThat(catalog.securityHubControl("S3.8").orElseThrow().standards()).containsExactly("FSBP",
				"CIS-3.0.0:2.1.4");
		assertThat(catalog.securityHubControl("RDS.11").orElseThrow().inFoundationalBestPractices()).isFalse();

		assertThat(catalog.controls()).extracting(Control::id).containsExactly("ALR-01", "FND-04", "AVL-03");
		assertThat(catalog.control("FND-04").orElseThrow().checks()).containsExactly("S3.8");
		assertThat(catalog.control("AVL-03").orElseThrow().automated()).isFalse();
		assertThat(catalog.controlsFor(id("CC6.1"))).extracting(Control::id).containsExactly("ALR-01");
		assertThat(catalog.securityHubControlsFor(id("CC6.6"))).extracting(SecurityHubControl::id)
			.containsExactly("S3.8");
	}

	@Test
	void rejectsUnknownCriterionInTheMapping() {
		assertLoadFails("unknown-criterion").hasMessage(
				"catalog/securityhub-controls.tsv line 5: unknown criterion CC6.9 (not in catalog/criteria.tsv)");
	}

	@Test
	void rejectsADuplicateKeyNamingBothLines() {
		assertLoadFails("duplicate-key")
			.hasMessage("catalog/criteria.tsv line 8: duplicate key CC6.1 (first on line 4)");
	}

	@Test
	void rejectsAMalformedCriterionId() {
		assertLoadFails("malformed-criterion-id").hasMessage(
				"catalog/criteria.tsv line 5: id: 'CC6-6' is not a Trust Services Criteria ID (like CC6.1 or A1.2)");
	}

	@Test
	void rejectsAMalformedCriterionIdInAControl() {
		assertLoadFails("malformed-criterion-id-in-controls").hasMessage(
				"catalog/controls.tsv line 3: criteria: 'cc6.1' is not a Trust Services Criteria ID (like CC6.1 or A1.2)");
	}

	@Test
	void rejectsAWrongHeaderShowingTheExpectedOne() {
		assertLoadFails("wrong-header").hasMessage("catalog/securityhub-controls.tsv line 2: header must be"
				+ " control_id | service | severity | standards | title | criteria | rationale"
				+ " but was control_id | service | severity | standards | title | criteria");
	}

	@Test
	void rejectsALineWithTheWrongNumberOfFields() {
		assertLoadFails("wrong-field-count")
			.hasMessage("catalog/controls.tsv line 4: expected 6 tab-separated fields but found 5");
	}

	@Test
	void rejectsAControlCheckedByAnUnknownSecurityHubControl() {
		assertLoadFails("unknown-check").hasMessage("catalog/controls.tsv line 3: checks: unknown Security Hub control"
				+ " GuardDuty.99 (not in catalog/securityhub-controls.tsv)");
	}

	@Test
	void rejectsAMappingWithoutVersionLine() {
		assertLoadFails("missing-version")
			.hasMessage("catalog/securityhub-controls.tsv: missing '# version: ...' line");
	}

	@Test
	void rejectsAMappingWithoutRationale() {
		assertLoadFails("missing-rationale").hasMessage("catalog/securityhub-controls.tsv line 4: rationale is empty");
	}

	@Test
	void rejectsAnUnknownSeverityListingTheKnownOnes() {
		assertLoadFails("unknown-severity").hasMessage("catalog/securityhub-controls.tsv line 3: severity: 'SEVERE'"
				+ " is not one of CRITICAL, HIGH, MEDIUM, LOW, INFORMATIONAL");
	}

	@Test
	void rejectsACriterionInTheWrongGroup() {
		assertLoadFails("wrong-group")
			.hasMessage("catalog/criteria.tsv line 9: group CC9 does not match criterion A1.2");
	}

	@Test
	void rejectsAnEmptyFile() {
		assertLoadFails("empty-file").hasMessage("catalog/controls.tsv: no header line (the file is empty or has only"
				+ " comments); expected id | area | title_en | title_ja | criteria | checks");
	}

	@Test
	void rejectsASecurityHubControlMappedToMoreThanThreeCriteria() {
		assertLoadFails("mapping-too-broad")
			.hasMessage("catalog/securityhub-controls.tsv line 4: control GuardDuty.1 must map to 1-3 criteria");
	}

	@Test
	void rejectsALocationWithoutCatalogFiles() {
		assertLoadFails("no-such-catalog")
			.hasMessage("catalog/criteria.tsv: file not found at classpath:catalog-fixtures/no-such-catalog/");
	}

	@Test
	void acceptsALocationWithoutTrailingSlash() {
		var data = new CatalogLoader(new DefaultResourceLoader(), "classpath:catalog-fixtures/valid").load();

		assertThat(data.criteria()).hasSize(4);
	}

	private static CatalogData load(String fixture) {
		return new CatalogLoader(new DefaultResourceLoader(), "classpath:catalog-fixtures/" + fixture + "/").load();
	}

	private static AbstractThrowableAssert<?, ? extends Throwable> assertLoadFails(String fixture) {
		return assertThatThrownBy(() -> load(fixture)).isInstanceOf(CatalogFileException.class);
	}

	private static CriterionId id(String value) {
		return CriterionId.of(value);
	}

}
