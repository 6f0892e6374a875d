package io.soc2ops.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import io.soc2ops.aws.SecurityHubCollector;
import io.soc2ops.aws.local.LocalAws;
import io.soc2ops.aws.local.SampleInspectorFindings;
import io.soc2ops.evidence.Actor;
import io.soc2ops.vulnerabilities.ObservedVulnerability;
import io.soc2ops.vulnerabilities.VulnerabilityIntake;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

/**
 * The AWS page shows where Amazon Inspector's read got to in each account and Region,
 * next to the Security Hub collection and apart from it, in English and Japanese.
 */
@SpringBootTest(properties = { "soc2ops.aws.enabled=true", "soc2ops.aws.regions=ap-northeast-1,ap-northeast-3" })
@AutoConfigureMockMvc
class AwsInspectorPageTests {

	static final String ACCOUNT = "444455556666";

	static final LocalAws aws = LocalAws.start()
		.inspectorFindings(ACCOUNT, "ap-northeast-1",
				SampleInspectorFindings.packageVulnerabilities(ACCOUNT, "ap-northeast-1", 2, Instant.now()))
		.inspectorNotEnabled(ACCOUNT, "ap-northeast-3");

	@DynamicPropertySource
	static void endpoint(DynamicPropertyRegistry registry) {
		registry.add("soc2ops.aws.endpoint", () -> aws.endpoint().toString());
	}

	@TestConfiguration
	static class Setup {

		@Bean
		AwsCredentialsProvider awsCredentials() {
			return LocalAws.credentials(ACCOUNT);
		}

		/** Takes what it is given: the page is under test here, not the intake. */
		@Bean
		@Primary
		VulnerabilityIntake acceptingVulnerabilityIntake() {
			return new VulnerabilityIntake() {

				@Override
				public void observed(List<ObservedVulnerability> vulnerabilities) {
				}

				@Override
				public void syncCompleted(String accountId, String region, Instant startedAt) {
				}

			};
		}

	}

	@Autowired
	MockMvc mvc;

	@Autowired
	SecurityHubCollector collector;

	@AfterAll
	static void stop() {
		aws.close();
	}

	@Test
	void eachAccountAndRegionShowsItsLastCompleteReadOrWhyNot() throws Exception {
		collector.collect(Actor.system("test"));

		String html = page("en");

		assertThat(html).contains("Amazon Inspector findings");
		assertThat(cells(html, "aws-inspector-sync-matrix"))
			.isEqualTo(Map.of(ACCOUNT + "/ap-northeast-1", "ok", ACCOUNT + "/ap-northeast-3", "error"));
		assertThat(cell(html, ACCOUNT + "/ap-northeast-1")).contains("Last complete read:", "UTC, 2 findings");
		assertThat(cell(html, ACCOUNT + "/ap-northeast-3")).contains("No successful sync yet",
				"Amazon Inspector is DISABLED in 444455556666/ap-northeast-3");
		assertThat(cells(html, "aws-sync-matrix")).containsOnlyKeys(ACCOUNT + "/ap-northeast-1",
				ACCOUNT + "/ap-northeast-3");
		assertThat(page("ja")).contains("Amazon Inspector の検出結果", "前回最後まで読み取った日時");
	}

	private String page(String lang) throws Exception {
		return mvc.perform(get("/aws?lang=" + lang).with(user("carol").roles("AUDITOR")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	private static Map<String, String> cells(String html, String table) {
		String body = table(html, table);
		var cells = new TreeMap<String, String>();
		var matcher = Pattern.compile("class=\"cell-([a-z]+)\"\\s+data-target=\"([0-9/a-z-]+)\"").matcher(body);
		while (matcher.find()) {
			cells.put(matcher.group(2), matcher.group(1));
		}
		return cells;
	}

	private static String cell(String html, String target) {
		String body = table(html, "aws-inspector-sync-matrix");
		int start = body.indexOf("data-target=\"" + target + "\"");
		assertThat(start).as(target).isNotNegative();
		return body.substring(start, body.indexOf("</td>", start));
	}

	private static String table(String html, String id) {
		int start = html.indexOf("id=\"" + id + "\"");
		assertThat(start).as("table #" + id).isNotNegative();
		return html.substring(start, html.indexOf("</table>", start));
	}

}
