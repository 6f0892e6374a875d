package io.soc2ops.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.soc2ops.aws.local.LocalAws;
import io.soc2ops.aws.local.SampleFindings;
import software.amazon.awssdk.services.securityhub.model.AwsSecurityFinding;
import tools.jackson.databind.JsonNode;

/**
 * A finding that went through the SDK comes back out as the JSON AWS sent: the same field
 * names, the same values, nothing added and nothing lost.
 */
class AsffJsonTests {

	static final String ACCOUNT = "111122223333";

	static final AccountRegion TOKYO = new AccountRegion(new AccountId(ACCOUNT), new Region("ap-northeast-1"));

	static LocalAws aws;

	AwsClients clients;

	@BeforeAll
	static void start() {
		aws = LocalAws.start();
	}

	@AfterAll
	static void stop() {
		aws.close();
	}

	@AfterEach
	void closeClients() {
		if (clients != null) {
			clients.close();
		}
		aws.reset();
	}

	@Test
	void aConvertedFindingHasTheFieldsAndValuesTheEndpointServedKeyByKey() throws IOException {
		var served = List.of(resource("findings/fsbp-s3.8-failed.json"),
				resource("findings/guardduty-ssh-brute-force.json"), resource("findings/inspector-cve-snapd.json"),
				SampleFindings.s3Bucket(ACCOUNT, "ap-northeast-1", 1, Instant.parse("2026-11-27T10:00:00.123Z")));
		aws.findings(ACCOUNT, "ap-northeast-1", served);

		var converted = new ArrayList<JsonNode>();
		for (var page : reads().findings(TOKYO, Instant.parse("2000-01-01T00:00:00Z"), Instant.now(), 100)) {
			page.forEach(finding -> converted.add(AsffJson.of(finding)));
		}

		assertThat(converted).hasSize(served.size());
		for (int i = 0; i < served.size(); i++) {
			assertSameJson("finding " + i, converted.get(i), AsffJson.JSON.readTree(served.get(i)));
		}
	}

	@Test
	void aPageIsTheShapeGetFindingsAnswersWith() {
		aws.findings(ACCOUNT, "ap-northeast-1",
				SampleFindings.s3Buckets(ACCOUNT, "ap-northeast-1", 2, Instant.parse("2026-11-27T10:00:00Z")));
		List<AwsSecurityFinding> findings = new ArrayList<>();
		reads().findings(TOKYO, Instant.parse("2026-01-01T00:00:00Z"), Instant.now(), 100).forEach(findings::addAll);

		JsonNode page = AsffJson.JSON.readTree(AsffJson.page(findings));

		assertThat(page.propertyNames()).containsExactly("Findings");
		assertThat(page.path("Findings")).hasSize(2);
		assertThat(page.path("Findings").path(1).path("Resources").path(0).path("Id").asString())
			.isEqualTo("arn:aws:s3:::example-bucket-2");
	}

	SecurityHubReads reads() {
		clients = new AwsClients(
				LocalSettings.settings(aws.endpoint(), AwsSettings.Mode.SINGLE_ACCOUNT, "ap-northeast-1"),
				LocalSettings.credentials(ACCOUNT));
		return new SecurityHubReads(clients);
	}

	static void assertSameJson(String path, JsonNode actual, JsonNode expected) {
		if (expected.isObject()) {
			assertThat(actual.isObject()).as(path + " is an object").isTrue();
			assertThat(new TreeSet<>(actual.propertyNames())).as(path + " keys")
				.isEqualTo(new TreeSet<>(expected.propertyNames()));
			for (String key : expected.propertyNames()) {
				assertSameJson(path + "." + key, actual.get(key), expected.get(key));
			}
		}
		else if (expected.isArray()) {
			assertThat(actual.isArray()).as(path + " is an array").isTrue();
			assertThat(actual.size()).as(path + " size").isEqualTo(expected.size());
			for (int i = 0; i < expected.size(); i++) {
				assertSameJson(path + "[" + i + "]", actual.get(i), expected.get(i));
			}
		}
		else if (expected.isNumber()) {
			assertThat(actual.isNumber()).as(path + " is a number").isTrue();
			assertThat(new BigDecimal(actual.asString())).as(path)
				.isEqualByComparingTo(new BigDecimal(expected.asString()));
		}
		else {
			assertThat(actual).as(path).isEqualTo(expected);
		}
	}

	static String resource(String name) throws IOException {
		try (var in = AsffJsonTests.class.getClassLoader().getResourceAsStream(name)) {
			assertThat(in).as(name).isNotNull();
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

}
