package io.soc2ops.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.core.io.ClassPathResource;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import io.soc2ops.aws.ConnectionCheck;
import io.soc2ops.aws.SecurityHubCollector;
import io.soc2ops.aws.local.LocalAws;
import io.soc2ops.aws.local.SampleFindings;
import io.soc2ops.evidence.EvidenceEntry;
import io.soc2ops.evidence.EvidenceLedger;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

/**
 * The AWS page over an Organization of three accounts in two Regions on the local AWS
 * endpoint: the settings as soc2ops sees them, a connection check and a collection
 * started from the page (with progress, once at a time, in the ledger under the user who
 * started them), and who may see and do what. The context has a database of its own; the
 * ledger only grows, so tests count what they add.
 */
@SpringBootTest(properties = { "soc2ops.test.context=aws-page", "soc2ops.aws.enabled=true",
		"soc2ops.aws.mode=ORGANIZATION", "soc2ops.aws.regions=ap-northeast-1,ap-northeast-3",
		"soc2ops.aws.external-id=" + AwsPageTests.EXTERNAL_ID, "soc2ops.aws.rate-limits.get-findings=5" })
@AutoConfigureMockMvc
class AwsPageTests {

	static final String MANAGEMENT = "111111111111";

	static final String PRODUCTION = "222222222222";

	static final String SANDBOX = "333333333333";

	/**
	 * Refuses AssumeRole; only the test that expects the refusal lists it, since assumed
	 * roles are kept for the session's hour.
	 */
	static final String REFUSING = "444444444444";

	static final String TOKYO = "ap-northeast-1";

	static final String OSAKA = "ap-northeast-3";

	static final String EXTERNAL_ID = "page-secret-7f3a9c";

	static final LocalAws aws = LocalAws.start();

	@DynamicPropertySource
	static void endpoint(DynamicPropertyRegistry registry) {
		registry.add("soc2ops.aws.endpoint", () -> aws.endpoint().toString());
	}

	@TestConfiguration
	static class ManagementAccountCredentials {

		@Bean
		AwsCredentialsProvider awsCredentials() {
			return LocalAws.credentials(MANAGEMENT);
		}

	}

	@Autowired
	MockMvc mvc;

	@Autowired
	ConnectionCheck connections;

	@Autowired
	SecurityHubCollector collector;

	@Autowired
	EvidenceLedger ledger;

	@BeforeEach
	void organization() {
		aws.reset().organization(MANAGEMENT, PRODUCTION, SANDBOX).requireExternalId(EXTERNAL_ID);
	}

	@AfterAll
	static void stop() {
		aws.close();
	}

	@Test
	void showsTheSettingsAsSoc2opsSeesThemButNeverTheExternalId() throws Exception {
		String html = page("alice", "OPERATOR");

		assertThat(text(html, "aws-mode")).contains("Organization");
		assertThat(text(html, "aws-role")).isEqualTo("soc2ops-readonly");
		assertThat(text(html, "aws-external-id")).contains("set (never shown)");
		assertThat(text(html, "aws-regions")).isEqualTo("ap-northeast-1, ap-northeast-3");
		assertThat(text(html, "aws-limits")).contains("GetFindings 5/s", "8 account-Regions at a time");
		assertThat(html).doesNotContain(EXTERNAL_ID).doesNotContain("id=\"aws-disabled\"");
		assertThat(html).contains("id=\"aws-check-button\"", "id=\"aws-collect-button\"", "id=\"nav-aws\"");
	}

	@Test
	void aCheckFromThePageShowsTheAccountThatDeniesAssumeRoleAsDeniedAndTheOthersOk() throws Exception {
		aws.organization(MANAGEMENT, PRODUCTION, SANDBOX, REFUSING).denyAssumeRole(REFUSING);
		int before = entries("aws.connection-checked").size();

		mvc.perform(post("/aws/check").with(user("alice").roles("OPERATOR")).with(csrf()))
			.andExpect(redirectedUrl("/aws"))
			.andExpect(flash().attribute("notice", "aws.check.started"));
		awaitCheck();

		String html = page("alice", "OPERATOR");
		assertThat(cells(html, "aws-check-matrix"))
			.containsExactlyInAnyOrderEntriesOf(Map.of(MANAGEMENT + "/" + TOKYO, "ok", MANAGEMENT + "/" + OSAKA, "ok",
					PRODUCTION + "/" + TOKYO, "ok", PRODUCTION + "/" + OSAKA, "ok", SANDBOX + "/" + TOKYO, "ok",
					SANDBOX + "/" + OSAKA, "ok", REFUSING + "/" + TOKYO, "denied", REFUSING + "/" + OSAKA, "denied"));
		assertThat(cell(html, REFUSING + "/" + TOKYO)).contains("sts:AssumeRole", "AccessDenied",
				"arn:aws:iam::444444444444:role/soc2ops-readonly");
		assertThat(cell(html, PRODUCTION + "/" + OSAKA)).contains("securityhub:GetFindings",
				"securityhub:GetEnabledStandards");
		assertThat(text(html, "aws-management")).isEqualTo(MANAGEMENT);
		assertThat(text(html, "aws-check-when")).contains("user:alice");
		var recorded = entries("aws.connection-checked");
		assertThat(recorded).hasSize(before + 1);
		assertThat(recorded.getFirst().actor().toString()).isEqualTo("user:alice");
		assertThat(recorded.getFirst().payload().toString()).contains("\"ACCESS_DENIED\":2", "\"OK\":6");
	}

	@Test
	void aCheckStartedTwiceAtOnceRunsOnce() throws Exception {
		var gate = aws.hold("ListAccounts");
		int before = entries("aws.connection-checked").size();
		var barrier = new CyclicBarrier(2);
		var notices = new ArrayList<Future<Object>>();
		try (var threads = Executors.newFixedThreadPool(2)) {
			for (String name : new String[] { "alice", "bob" }) {
				notices.add(threads.submit(() -> {
					barrier.await();
					return mvc.perform(post("/aws/check").with(user(name).roles("OPERATOR")).with(csrf()))
						.andReturn()
						.getFlashMap()
						.get("notice");
				}));
			}
			gate.awaitArrival();
			String running = mvc.perform(get("/aws/activity").with(user("carol").roles("AUDITOR")))
				.andExpect(status().isOk())
				.andExpect(header().doesNotExist("HX-Refresh"))
				.andReturn()
				.getResponse()
				.getContentAsString();
			assertThat(running).contains("hx-trigger=\"every 1s\"", "<progress");
			gate.open();
			assertThat(java.util.List.of(notices.get(0).get(), notices.get(1).get()))
				.containsExactlyInAnyOrder("aws.check.started", "aws.check.already");
		}
		awaitCheck();

		assertThat(aws.calls("ListAccounts")).hasSize(1);
		assertThat(aws.calls("GetCallerIdentity")).hasSize(6);
		assertThat(entries("aws.connection-checked")).hasSize(before + 1);
		mvc.perform(get("/aws/activity").with(user("carol").roles("AUDITOR")))
			.andExpect(header().string("HX-Refresh", "true"));
	}

	@Test
	void aCollectionFromThePageShowsWhatEachAccountAndRegionReceived() throws Exception {
		aws.deny(SANDBOX, "GetFindings");
		aws.findings(PRODUCTION, TOKYO, SampleFindings.s3Buckets(PRODUCTION, TOKYO, 3, Instant.now()));
		int before = entries("securityhub.collected").size();

		mvc.perform(post("/aws/collect").with(user("alice").roles("ADMIN")).with(csrf()))
			.andExpect(redirectedUrl("/aws"))
			.andExpect(flash().attribute("notice", "aws.collect.started"));
		await().atMost(Duration.ofSeconds(60)).until(() -> !collector.run().orElseThrow().running());

		String html = page("alice", "ADMIN");
		var syncs = cells(html, "aws-sync-matrix");
		assertThat(syncs).containsEntry(PRODUCTION + "/" + TOKYO, "ok")
			.containsEntry(SANDBOX + "/" + OSAKA, "error")
			.hasSize(6);
		assertThat(cell(html, PRODUCTION + "/" + TOKYO, "aws-sync-matrix")).contains("3 findings received");
		assertThat(cell(html, SANDBOX + "/" + TOKYO, "aws-sync-matrix")).contains("No successful sync yet",
				"securityhub:GetFindings", "AccessDeniedException");
		var recorded = entries("securityhub.collected");
		assertThat(recorded).hasSize(before + 1);
		assertThat(recorded.getFirst().actor().toString()).isEqualTo("user:alice");
		assertThat(recorded.getFirst().payload().toString()).contains("\"received\":3");
	}

	@Test
	void anAuditorReadsThePageButRunsNothing() throws Exception {
		String html = page("carol", "AUDITOR");
		assertThat(html).doesNotContain("id=\"aws-check-button\"").contains("id=\"aws-setup\"", "id=\"nav-aws\"");

		mvc.perform(post("/aws/check").with(user("carol").roles("AUDITOR")).with(csrf()))
			.andExpect(status().isForbidden());
		mvc.perform(post("/aws/collect").with(user("carol").roles("AUDITOR")).with(csrf()))
			.andExpect(status().isForbidden());
		assertThat(aws.calls()).isEmpty();
	}

	@Test
	void engineersAndApproversNeitherSeeNorRunIt() throws Exception {
		for (String role : new String[] { "ENGINEER", "APPROVER" }) {
			mvc.perform(get("/aws").with(user("dave").roles(role))).andExpect(status().isForbidden());
			mvc.perform(get("/aws/policy.json").with(user("dave").roles(role))).andExpect(status().isForbidden());
			mvc.perform(post("/aws/check").with(user("dave").roles(role)).with(csrf()))
				.andExpect(status().isForbidden());
			String findings = mvc.perform(get("/findings").with(user("dave").roles(role)))
				.andReturn()
				.getResponse()
				.getContentAsString();
			assertThat(findings).doesNotContain("id=\"nav-aws\"");
		}
		assertThat(aws.calls()).isEmpty();
	}

	@Test
	void thePolicyDownloadsAsShipped() throws Exception {
		String shipped;
		try (var in = new ClassPathResource("aws/soc2ops-readonly-policy.json").getInputStream()) {
			shipped = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
		}
		mvc.perform(get("/aws/policy.json").with(user("carol").roles("AUDITOR")))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Disposition", "attachment; filename=\"soc2ops-readonly-policy.json\""))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content().string(shipped));
		assertThat(page("carol", "AUDITOR")).contains("sts:AssumeRole", "id=\"aws-policy-copy\"");
	}

	private void awaitCheck() {
		await().atMost(Duration.ofSeconds(60)).until(() -> !connections.run().orElseThrow().running());
	}

	private String page(String name, String role) throws Exception {
		return mvc.perform(get("/aws").with(user(name).roles(role)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	/** Newest first. */
	private java.util.List<EvidenceEntry> entries(String action) {
		return ledger.about(action.startsWith("aws.") ? "aws:connection" : "aws:securityhub", 1000)
			.stream()
			.filter(entry -> entry.action().equals(action))
			.toList();
	}

	private static String text(String html, String id) {
		var matcher = Pattern.compile("id=\"" + id + "\"[^>]*>([^<]*)<").matcher(html);
		assertThat(matcher.find()).as("element #" + id).isTrue();
		return matcher.group(1).strip();
	}

	/** The state of every cell of a matrix, by account/Region. */
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
		return cell(html, target, "aws-check-matrix");
	}

	private static String cell(String html, String target, String table) {
		String body = table(html, table);
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
