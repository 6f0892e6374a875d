package io.soc2ops.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.core.io.DefaultResourceLoader;

/**
 * The catalog soc2ops ships: the 2017 Trust Services Criteria, the company control
 * library and the Security Hub mapping an auditor will read.
 */
class ShippedCatalogTests {

	static Catalog catalog;

	@BeforeAll
	static void load() {
		catalog = new Catalog(new CatalogLoader(new DefaultResourceLoader(), "classpath:catalog/").load());
	}

	@Test
	void holdsExactlyTheSixtyOneTrustServicesCriteriaInOrder() {
		assertThat(catalog.criteria()).extracting(c -> c.id().value())
			.containsExactly("CC1.1", "CC1.2", "CC1.3", "CC1.4", "CC1.5", "CC2.1", "CC2.2", "CC2.3", "CC3.1", "CC3.2",
					"CC3.3", "CC3.4", "CC4.1", "CC4.2", "CC5.1", "CC5.2", "CC5.3", "CC6.1", "CC6.2", "CC6.3", "CC6.4",
					"CC6.5", "CC6.6", "CC6.7", "CC6.8", "CC7.1", "CC7.2", "CC7.3", "CC7.4", "CC7.5", "CC8.1", "CC9.1",
					"CC9.2", "A1.1", "A1.2", "A1.3", "C1.1", "C1.2", "PI1.1", "PI1.2", "PI1.3", "PI1.4", "PI1.5",
					"P1.1", "P2.1", "P3.1", "P3.2", "P4.1", "P4.2", "P4.3", "P5.1", "P5.2", "P6.1", "P6.2", "P6.3",
					"P6.4", "P6.5", "P6.6", "P6.7", "P7.1", "P8.1");
	}

	@Test
	void everyCriterionHasAnEnglishAndAJapaneseTitle() {
		assertThat(catalog.criteria()).allSatisfy(criterion -> {
			String en = criterion.title().in(Locale.ENGLISH);
			String ja = criterion.title().in(Locale.JAPANESE);
			assertThat(en).as("%s in English", criterion.id()).isNotBlank();
			assertThat(ja).as("%s in Japanese", criterion.id()).isNotEqualTo(en);
			assertThat(containsJapanese(ja)).as("%s Japanese title '%s' is Japanese", criterion.id(), ja).isTrue();
			assertThat(containsJapanese(en)).as("%s English title '%s' has no Japanese", criterion.id(), en).isFalse();
		});
	}

	@Test
	void everyControlHasAJapaneseTitle() {
		assertThat(catalog.controls()).allSatisfy(
				control -> assertThat(containsJapanese(control.title().ja())).as("%s Japanese title", control.id())
					.isTrue());
	}

	@ParameterizedTest(name = "{0} has at least one mapped Security Hub control")
	@ValueSource(strings = { "S3", "IAM", "GuardDuty", "Inspector", "CloudTrail", "Config", "EC2", "RDS", "KMS",
			"Backup", "CloudWatch", "SSM", "ELB", "Lambda" })
	void coversTheServicesAnAwsSoc2AuditLooksAt(String service) {
		assertThat(catalog.securityHubControls()).filteredOn(c -> c.service().equals(service)).isNotEmpty();
	}

	@Test
	void everySecurityHubControlBelongsToTheServiceItsIdNames() {
		assertThat(catalog.securityHubControls())
			.allSatisfy(c -> assertThat(c.id()).as("service of %s", c.id()).startsWith(c.service() + "."));
	}

	@ParameterizedTest(name = "{0} evidences {1}")
	@CsvSource({ "S3.8, CC6.6", "GuardDuty.1, CC7.2", "IAM.6, CC6.1", "CloudTrail.1, CC7.2", "RDS.11, A1.2",
			"IAM.8, CC6.2", "Inspector.1, CC7.1", "Config.1, CC7.1", "KMS.4, CC6.1", "ELB.1, CC6.7" })
	void mapsWellKnownControlsToTheCriteriaTheyEvidence(String control, String criterion) {
		assertThat(catalog.securityHubControl(control)).as(control)
			.hasValueSatisfying(c -> assertThat(c.criteria()).contains(CriterionId.of(criterion)));
	}

	@Test
	void neverMapsBackupsToProcessingIntegrity() {
		assertThat(catalog.securityHubControls()).filteredOn(c -> c.service().equals("Backup"))
			.isNotEmpty()
			.allSatisfy(c -> assertThat(c.criteria()).as(c.id()).noneMatch(id -> id.group().equals("PI1")));
	}

	@ParameterizedTest(name = "{0} (unused credentials) is not a control-environment criterion")
	@ValueSource(strings = { "IAM.8", "IAM.22" })
	void neverMapsUnusedCredentialsToTheControlEnvironment(String control) {
		assertThat(catalog.securityHubControl(control)).as(control)
			.hasValueSatisfying(c -> assertThat(c.criteria()).noneMatch(id -> id.group().equals("CC1")));
	}

	@Test
	void noTwoCriteriaShareTheSameLargeSetOfSecurityHubControls() {
		// a bulk copy of one list under several criteria is a mapping nobody reasoned
		// about
		Map<Set<String>, Set<String>> criteriaBySet = new TreeMap<>((a, b) -> a.toString().compareTo(b.toString()));
		for (var criterion : catalog.criteria()) {
			Set<String> mapped = catalog.securityHubControlsFor(criterion.id())
				.stream()
				.map(SecurityHubControl::id)
				.collect(Collectors.toCollection(TreeSet::new));
			if (mapped.size() > 5) {
				criteriaBySet.computeIfAbsent(mapped, k -> new TreeSet<>()).add(criterion.id().value());
			}
		}

		assertThat(criteriaBySet).isNotEmpty()
			.allSatisfy((controls, criteria) -> assertThat(criteria).as("criteria mapped to exactly %s", controls)
				.hasSize(1));
	}

	@Test
	void everyRationaleIsOneReadableLine() {
		assertThat(catalog.securityHubControls())
			.allSatisfy(c -> assertThat(c.rationale()).as("rationale of %s", c.id())
				.doesNotContain("\n", "\r", "\t")
				.hasSizeBetween(20, 250));
	}

	@Test
	void everyCommonCriterionIsAddressedByACompanyControl() {
		var common = catalog.criteria().stream().filter(c -> c.group().startsWith("CC")).toList();

		assertThat(common).hasSize(33)
			.allSatisfy(c -> assertThat(catalog.controlsFor(c.id())).as("controls for %s", c.id()).isNotEmpty());
	}

	@Test
	void everyCheckOfACompanyControlIsAShippedSecurityHubControl() {
		assertThat(catalog.controls()).filteredOn(Control::automated)
			.isNotEmpty()
			.allSatisfy(control -> assertThat(control.checks()).as("checks of %s", control.id())
				.doesNotHaveDuplicates()
				.allSatisfy(check -> assertThat(catalog.securityHubControl(check)).as(check).isPresent()));
	}

	@Test
	void hasBothAutomatedAndManualControls() {
		assertThat(catalog.controls()).anyMatch(Control::automated).anyMatch(c -> !c.automated());
	}

	@Test
	void namesTheVersionsOfCriteriaAndMapping() {
		assertThat(catalog.version()).matches("criteria \\S+, mapping \\S+");
	}

	private static boolean containsJapanese(String text) {
		return text.codePoints()
			.mapToObj(Character.UnicodeScript::of)
			.anyMatch(script -> script == Character.UnicodeScript.HIRAGANA || script == Character.UnicodeScript.KATAKANA
					|| script == Character.UnicodeScript.HAN);
	}

}
