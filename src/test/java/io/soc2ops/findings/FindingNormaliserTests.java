package io.soc2ops.findings;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import tools.jackson.databind.json.JsonMapper;

/**
 * Which normaliser a finding goes to: OCSF by its own fields, ASFF by its own, and ASFF
 * when it is neither, so that the error names what an ASFF finding lacks.
 */
class FindingNormaliserTests {

	static final JsonMapper JSON = JsonMapper.builder().build();

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			fsbp-s3.8-failed.json                   | ASFF
			guardduty-ssh-brute-force.json          | ASFF
			ocsf-fsbp-s3.8-failed.json              | OCSF
			ocsf-guardduty-cloudtrail-disabled.json | OCSF
			ocsf-inspector-cve-http2.json           | OCSF
			""")
	void tellsTheFormatOfEachFixture(String fixture, FindingFormat format) {
		assertThat(FindingNormaliser.format(AsffNormaliserTests.fixture(fixture))).isEqualTo(format);
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			{"class_uid": 2003}                           | OCSF
			{"finding_info": {"uid": "x"}}                | OCSF
			{"SchemaVersion": "2018-10-08"}               | ASFF
			{"Id": "x", "finding_info": {}}               | ASFF
			{"ProductArn": "x", "class_uid": 2003}        | ASFF
			{"title": "neither"}                          | ASFF
			{}                                            | ASFF
			""")
	void takesAFindingWithoutOcsfFieldsOrWithAsffFieldsForAsff(String json, FindingFormat format) {
		assertThat(FindingNormaliser.format(JSON.readTree(json))).isEqualTo(format);
	}

}
