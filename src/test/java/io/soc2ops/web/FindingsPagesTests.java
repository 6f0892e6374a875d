package io.soc2ops.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import io.soc2ops.evidence.Actor;
import io.soc2ops.evidence.EvidenceLedger;
import io.soc2ops.findings.FindingKey;
import io.soc2ops.findings.FindingQuery;
import io.soc2ops.findings.Findings;
import io.soc2ops.findings.FindingsIntake;
import io.soc2ops.findings.IntakeChannel;
import io.soc2ops.identity.ApiTokens;
import io.soc2ops.identity.Role;
import io.soc2ops.identity.Username;
import io.soc2ops.identity.Users;

/**
 * The findings pages and API over a small organisation of ASFF findings (two accounts,
 * control findings that fail, pass, are suppressed or archived, and a GuardDuty finding
 * with a hostile title). The context has a database of its own, so the imports here
 * change no other test's readiness.
 */
@SpringBootTest(properties = "soc2ops.test.context=findings-pages")
@AutoConfigureMockMvc
class FindingsPagesTests {

	static final String PROD = "111122223333";

	static final String STAGING = "444455556666";

	/** Findings the import tests add: threat findings only, so no filter count moves. */
	static final String UPLOADS = "999900001111";

	static final String API_UPLOADS = "888800002222";

	static final String HOSTILE = "<script>alert(1)</script>";

	@Autowired
	MockMvc mvc;

	@Autowired
	FindingsIntake intake;

	@Autowired
	Findings findings;

	@Autowired
	EvidenceLedger ledger;

	@Autowired
	Users users;

	@Autowired
	ApiTokens tokens;

	@BeforeEach
	void organisation() {
		if (count(PROD) > 0) {
			return;
		}
		String batch = "[" + String.join(",",
				control("S3.8", PROD, "ap-northeast-1", "FAILED", "HIGH", "NEW", "ACTIVE", "AwsS3Bucket",
						"arn:aws:s3:::payroll-exports", "S3 general purpose buckets should block public access"),
				control("S3.8", STAGING, "us-east-1", "FAILED", "HIGH", "NOTIFIED", "ACTIVE", "AwsS3Bucket",
						"arn:aws:s3:::marketing-site", "S3 general purpose buckets should block public access"),
				control("S3.8", PROD, "ap-northeast-1", "PASSED", "INFORMATIONAL", "RESOLVED", "ACTIVE", "AwsS3Bucket",
						"arn:aws:s3:::audit-logs", "S3 general purpose buckets should block public access"),
				control("IAM.6", PROD, "us-east-1", "FAILED", "CRITICAL", "SUPPRESSED", "ACTIVE", "AwsAccount",
						"AWS::::Account:" + PROD, "Hardware MFA should be enabled for the root user"),
				control("EC2.19", STAGING, "ap-northeast-1", "FAILED", "CRITICAL", "NEW", "ARCHIVED",
						"AwsEc2SecurityGroup",
						"arn:aws:ec2:ap-northeast-1:" + STAGING + ":security-group/sg-0123456789abcdef0",
						"Security groups should not allow unrestricted access to ports with high risk"),
				guardDuty(PROD, "7ec8d5a1f0b2", "UnauthorizedAccess:EC2/SSHBruteForce " + HOSTILE,
						"2026-11-20T03:15:30.000Z"))
				+ "]";
		intake.accept(batch, IntakeChannel.FILE, "fixture", Actor.system("test"));
	}

	// the import tests add threat findings in other accounts: no row here counts them
	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			account                           | account=111122223333                         | 4
			another account                   | account=444455556666                         | 2
			region                            | region=us-east-1                             | 2
			severity                          | severity=critical                            | 2
			product                           | product=GuardDuty&account=111122223333       | 1
			Security Hub control              | control=S3.8                                 | 3
			criterion (S3.8 and EC2.19)       | criterion=CC6.6                              | 4
			criterion typed in lower case     | criterion=cc6.1                              | 1
			criterion without findings        | criterion=P1.1                               | 0
			failing (not suppressed/archived) | status=failing                               | 2
			passing                           | status=passing                               | 1
			archived                          | status=archived                              | 1
			workflow status                   | status=suppressed                            | 1
			text in the resource ID           | q=PAYROLL                                    | 1
			text in the title                 | q=bruteforce                                 | 1
			a LIKE wildcard is literal        | q=%25                                        | 0
			filters together                  | control=S3.8&status=failing&region=us-east-1 | 1
			""")
	void filtersNarrowTheList(String name, String filters, long expected) throws Exception {
		String html = mvc.perform(get("/findings?" + filters).with(user("reader").roles("AUDITOR")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(rows(html)).as(name).isEqualTo(expected);

		mvc.perform(authorized(get("/api/v1/findings?" + filters), Role.AUDITOR))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.total").value(expected))
			.andExpect(jsonPath("$.findings.length()").value(expected));
	}

	@Test
	void listsTheMostSevereFirstAndLinksEachFinding() throws Exception {
		String html = mvc.perform(get("/findings?account=" + PROD).with(user("reader").roles("AUDITOR")))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("id=\"finding-count\"")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(html.indexOf("sev-CRITICAL")).isLessThan(html.indexOf("sev-HIGH"));
		assertThat(html.indexOf("sev-HIGH")).isLessThan(html.indexOf("sev-MEDIUM"));
		assertThat(html).contains("href=\"/findings/" + key(PROD, "S3.8", "arn:aws:s3:::payroll-exports") + "\"");
		assertThat(html).doesNotContain(HOSTILE).contains("&lt;script&gt;alert(1)&lt;/script&gt;");
		assertThat(html).contains("id=\"nav-findings\"");
	}

	@Test
	void aFilterThatDoesNotParseIsABadRequestThatSaysWhy() throws Exception {
		mvc.perform(get("/findings?severity=SEVERE").with(user("reader").roles("AUDITOR")))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("severity must be one of")));
		mvc.perform(authorized(get("/api/v1/findings?status=broken"), Role.AUDITOR))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("status must be one of")));
	}

	@Test
	void anUnknownKeyIsNotFoundNotAnError() throws Exception {
		for (String key : new String[] { "0".repeat(64), "not-a-key", "z".repeat(64), "a".repeat(65) }) {
			mvc.perform(get("/findings/" + key).with(user("reader").roles("AUDITOR"))).andExpect(status().isNotFound());
			mvc.perform(authorized(get("/api/v1/findings/" + key), Role.AUDITOR)).andExpect(status().isNotFound());
		}
	}

	@Test
	void theFindingPageShowsTheRawFindingEscapedWithItsResourcesAndHistory() throws Exception {
		String key = new FindingKey(guardDutyId(PROD, "7ec8d5a1f0b2"), guardDutyProduct()).digest();
		String html = mvc.perform(get("/findings/" + key).with(user("reader").roles("AUDITOR")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(html).doesNotContain(HOSTILE);
		String raw = between(html, "<pre class=\"raw\" id=\"raw\">", "</pre>");
		assertThat(raw).contains("&lt;script&gt;alert(1)&lt;/script&gt;")
			.contains("AwsAccountId")
			.contains(PROD)
			.contains("\n  ");
		assertThat(between(html, "<table class=\"table\" id=\"resources\">", "</table>")).contains("AwsEc2Instance")
			.contains("i-0abc1234def567890");
		assertThat(between(html, "<ol class=\"timeline\" id=\"history\">", "</ol>")).contains("2026-11-20 03:15:30");
		assertThat(html).contains("GuardDuty");
	}

	@Test
	void historyListsEveryAcceptedVersionNewestFirst() throws Exception {
		intake.accept(
				guardDuty(UPLOADS, "b0c1d2e3f4a5", "Recon:EC2/PortProbeUnprotectedPort", "2026-11-01T00:00:00.000Z"),
				IntakeChannel.FILE, "fixture", Actor.system("test"));
		intake.accept(
				guardDuty(UPLOADS, "b0c1d2e3f4a5", "Recon:EC2/PortProbeUnprotectedPort", "2026-11-02T00:00:00.000Z"),
				IntakeChannel.FILE, "fixture", Actor.system("test"));
		String key = new FindingKey(guardDutyId(UPLOADS, "b0c1d2e3f4a5"), guardDutyProduct()).digest();

		mvc.perform(authorized(get("/api/v1/findings/" + key), Role.AUDITOR))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.history.length()").value(2))
			.andExpect(jsonPath("$.history[0].updatedAt").value("2026-11-02T00:00:00Z"))
			.andExpect(jsonPath("$.history[1].updatedAt").value("2026-11-01T00:00:00Z"))
			.andExpect(jsonPath("$.raw.AwsAccountId").value(UPLOADS))
			.andExpect(jsonPath("$.raw.Resources[0].Type").value("AwsEc2Instance"))
			.andExpect(jsonPath("$.finding.key").value(key));
		String html = mvc.perform(get("/findings/" + key).with(user("reader").roles("AUDITOR")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		String history = between(html, "id=\"history\">", "</ol>");
		assertThat(history.indexOf("2026-11-02")).isLessThan(history.indexOf("2026-11-01"));
	}

	@Test
	void theCriterionPageShowsWhyItFailsWithCountsAndLinks() throws Exception {
		String html = mvc.perform(get("/criteria/CC6.6").with(user("reader").roles("AUDITOR")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		String why = between(html, "id=\"why-failing\"", "</section>");
		assertThat(why).contains("S3.8").contains("href=\"/findings?control=S3.8&amp;status=failing\"");
		assertThat(why).doesNotContain("EC2.19");
		assertThat(html).containsPattern(Pattern.compile("id=\"failing-S3\\.8\"[^>]*>2</a>"))
			.containsPattern(Pattern.compile("id=\"passing-S3\\.8\"[^>]*>1</a>"));
		assertThat(between(html, "id=\"sh-EC2.19\"", "</tr>")).contains("no findings");
		assertThat(html).contains("id=\"criterion-status\"").contains("status-FAILING");
	}

	@Test
	void theControlPageShowsItsChecksResults() throws Exception {
		String html = mvc.perform(get("/controls/FND-04").with(user("reader").roles("AUDITOR")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(html).containsPattern(Pattern.compile("id=\"failing-S3\\.8\"[^>]*>2</a>"))
			.contains("href=\"/findings?control=S3.8&amp;status=failing\"");
	}

	@Test
	void postureCountsFailingAndPassingResourcesPerControl() throws Exception {
		mvc.perform(authorized(get("/api/v1/posture"), Role.AUDITOR))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[?(@.control == 'S3.8')].failingResources").value(2))
			.andExpect(jsonPath("$[?(@.control == 'S3.8')].passingResources").value(1))
			.andExpect(jsonPath("$[?(@.control == 'S3.8')].criteria[0]").value("CC6.6"))
			.andExpect(jsonPath("$[?(@.control == 'IAM.6')].failingResources").value(0))
			.andExpect(jsonPath("$[?(@.control == 'EC2.19')]").isEmpty());
	}

	@Test
	void anUploadedFileIsStoredAndTheOutcomeShown() throws Exception {
		long before = count(UPLOADS);
		String file = "{\"Findings\": ["
				+ guardDuty(UPLOADS, "c1d2e3f4a5b6", "Recon:EC2/Portscan", "2026-11-03T00:00:00.000Z") + ","
				+ guardDuty(UPLOADS, "d2e3f4a5b6c7", "Trojan:EC2/DNSDataExfiltration", "2026-11-03T00:00:00.000Z")
				+ "]}";
		var posted = mvc
			.perform(multipart("/findings/import").file(upload("findings-2026-11.json", file))
				.with(user("operator").roles("OPERATOR"))
				.with(csrf()))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/findings/import"))
			.andExpect(flash().attributeExists("result"))
			.andReturn();
		assertThat(count(UPLOADS)).isEqualTo(before + 2);

		String html = mvc
			.perform(get("/findings/import").with(user("operator").roles("OPERATOR")).flashAttrs(posted.getFlashMap()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(between(html, "id=\"import-result\"", "</div>")).contains("findings-2026-11.json")
			.contains("2 received: 2 new, 0 updated, 0 unchanged")
			.contains("Ledger entry #" + (ledger.size()));
		assertThat(html).contains("id=\"import-form\"")
			.contains("enctype=\"multipart/form-data\"")
			.contains("/js/import.js");
	}

	@Test
	void aBrokenFileStoresNothingAndSaysWhy() throws Exception {
		long before = count(UPLOADS);
		long entries = ledger.size();
		String file = "[" + guardDuty(UPLOADS, "e3f4a5b6c7d8", "Recon:EC2/Portscan", "2026-11-04T00:00:00.000Z") + ","
				+ guardDuty("12345", "f4a5b6c7d8e9", "Recon:EC2/Portscan", "2026-11-04T00:00:00.000Z") + "]";
		var posted = mvc
			.perform(multipart("/findings/import").file(upload("broken.json", file))
				.with(user("operator").roles("OPERATOR"))
				.with(csrf()))
			.andExpect(status().isFound())
			.andExpect(flash().attributeExists("problem"))
			.andReturn();
		assertThat(count(UPLOADS)).isEqualTo(before);
		assertThat(ledger.size()).isEqualTo(entries);

		String html = mvc
			.perform(get("/findings/import?lang=ja").with(user("operator").roles("OPERATOR"))
				.flashAttrs(posted.getFlashMap()))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(between(html, "id=\"import-problem\"", "</div>")).contains("何も保存されませんでした")
			.contains("broken.json")
			.contains("record 2")
			.contains("AwsAccountId");
	}

	@Test
	void anEmptyUploadIsRefusedWithAMessage() throws Exception {
		mvc.perform(multipart("/findings/import").file(upload("empty.json", ""))
			.with(user("operator").roles("OPERATOR"))
			.with(csrf())).andExpect(status().isFound()).andExpect(flash().attributeExists("problem"));
	}

	@Test
	void anAuditorCannotImport() throws Exception {
		long before = count(UPLOADS);
		String file = "[" + guardDuty(UPLOADS, "a5b6c7d8e9f0", "Recon:EC2/Portscan", "2026-11-05T00:00:00.000Z") + "]";
		mvc.perform(multipart("/findings/import").file(upload("audit.json", file))
			.with(user("auditor").roles("AUDITOR"))
			.with(csrf())).andExpect(status().isForbidden());
		mvc.perform(authorized(post("/api/v1/findings/import"), Role.AUDITOR).contentType(MediaType.APPLICATION_JSON)
			.content(file)).andExpect(status().isForbidden());
		assertThat(count(UPLOADS)).isEqualTo(before);

		String page = mvc.perform(get("/findings/import").with(user("auditor").roles("AUDITOR")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("id=\"import-refused\"").doesNotContain("id=\"import-form\"");
	}

	@Test
	void theApiImportsARequestBody() throws Exception {
		long before = count(API_UPLOADS);
		String body = "[" + guardDuty(API_UPLOADS, "0a1b2c3d4e5f", "Recon:EC2/Portscan", "2026-11-06T00:00:00.000Z")
				+ ","
				+ control("CloudTrail.1", API_UPLOADS, "eu-west-1", "WARNING", "HIGH", "NEW", "ACTIVE", "AwsAccount",
						"AWS::::Account:" + API_UPLOADS,
						"CloudTrail should be enabled and configured with at least one multi-Region trail")
				+ "]";
		var request = authorized(post("/api/v1/findings/import"), Role.OPERATOR);
		long entries = ledger.size();
		mvc.perform(request.contentType(MediaType.APPLICATION_JSON).content(body))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.received").value(2))
			.andExpect(jsonPath("$.inserted").value(2))
			.andExpect(jsonPath("$.unchanged").value(0))
			.andExpect(jsonPath("$.ledgerSequence").value(entries + 1));
		assertThat(count(API_UPLOADS)).isEqualTo(before + 2);
		assertThat(ledger.entry(ledger.size()).orElseThrow().payload()).contains("\"origin\":\"api\"")
			.contains("\"channel\":\"FILE\"");
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			bad severity      | 2 | Severity.Label
			missing resources | 2 | Resources
			malformed JSON    | 2 | (JSON)
			""")
	void theApiRefusesABrokenBodyNamingTheRecordAndField(String name, long record, String field) throws Exception {
		var request = authorized(post("/api/v1/findings/import"), Role.OPERATOR);
		long before = count(API_UPLOADS);
		long entries = ledger.size();
		String good = guardDuty(API_UPLOADS, "1b2c3d4e5f6a", "Recon:EC2/Portscan", "2026-11-07T00:00:00.000Z");
		String second = guardDuty(API_UPLOADS, "2c3d4e5f6a7b", "Recon:EC2/Portscan", "2026-11-07T00:00:00.000Z");
		String broken = switch (name) {
			case "bad severity" -> second.replace("\"Label\": \"MEDIUM\"", "\"Label\": \"SEVERE\"");
			case "missing resources" -> second.replaceAll("\"Resources\": \\[[^\\]]*\\]", "\"Resources\": []");
			default -> second.substring(0, second.length() / 2);
		};
		assertThat(broken).isNotEqualTo(second);
		mvc.perform(request.contentType(MediaType.APPLICATION_JSON).content("[" + good + "," + broken + "]"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.record").value(record))
			.andExpect(jsonPath("$.field").value(field))
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("record " + record)))
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("nothing was stored")));
		assertThat(count(API_UPLOADS)).isEqualTo(before);
		assertThat(ledger.size()).isEqualTo(entries);
	}

	@Test
	void theFindingsPagesSpeakJapanese() throws Exception {
		String html = mvc.perform(get("/findings?lang=ja&status=failing").with(user("reader").roles("AUDITOR")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(html).contains("検出結果 2 件").contains("不合格").contains("高");
	}

	// ---- fixtures: ASFF as Security Hub sends it (docs: AWS Security Finding Format)

	private static String control(String controlId, String account, String region, @Nullable String compliance,
			String severity, String workflow, String recordState, String resourceType, String resourceId,
			String title) {
		String uuid = java.util.UUID.nameUUIDFromBytes((controlId + account + resourceId).getBytes()).toString();
		String complianceField = compliance == null ? "" : """
				"Compliance": {
				  "Status": "%s",
				  "SecurityControlId": "%s",
				  "AssociatedStandards": [{"StandardsId": "standards/aws-foundational-security-best-practices/v/1.0.0"}]
				},
				""".formatted(compliance, controlId);
		return """
				{
				  "SchemaVersion": "2018-10-08",
				  "Id": "arn:aws:securityhub:%2$s:%1$s:security-control/%3$s/finding/%4$s",
				  "ProductArn": "arn:aws:securityhub:%2$s::product/aws/securityhub",
				  "ProductName": "Security Hub",
				  "CompanyName": "AWS",
				  "Region": "%2$s",
				  "GeneratorId": "security-control/%3$s",
				  "AwsAccountId": "%1$s",
				  "Types": ["Software and Configuration Checks/Industry and Regulatory Standards"],
				  "FirstObservedAt": "2026-10-01T09:00:00.000Z",
				  "LastObservedAt": "2026-11-20T02:00:00.000Z",
				  "CreatedAt": "2026-10-01T09:00:00.000Z",
				  "UpdatedAt": "2026-11-20T02:00:00.000Z",
				  "Severity": {"Label": "%5$s", "Original": "%5$s"},
				  "Title": "%6$s",
				  "Description": "This control checks the resource's configuration.",
				  "Remediation": {"Recommendation": {"Text": "For information on how to correct this issue, consult the AWS Security Hub controls documentation.", "Url": "https://docs.aws.amazon.com/console/securityhub/%3$s/remediation"}},
				  "ProductFields": {"aws/securityhub/ProductName": "Security Hub", "aws/securityhub/CompanyName": "AWS"},
				  "Resources": [{"Type": "%7$s", "Id": "%8$s", "Partition": "aws", "Region": "%2$s"}],
				  %9$s"WorkflowState": "NEW",
				  "Workflow": {"Status": "%10$s"},
				  "RecordState": "%11$s"
				}"""
			.formatted(account, region, controlId, uuid, severity, title, resourceType, resourceId, complianceField,
					workflow, recordState);
	}

	private static String guardDuty(String account, String detector, String type, String updatedAt) {
		return """
				{
				  "SchemaVersion": "2018-10-08",
				  "Id": "%s",
				  "ProductArn": "%s",
				  "ProductName": "GuardDuty",
				  "CompanyName": "Amazon",
				  "Region": "ap-northeast-1",
				  "GeneratorId": "arn:aws:guardduty:ap-northeast-1:%s:detector/%s",
				  "AwsAccountId": "%s",
				  "Types": ["TTPs/Initial Access/%s"],
				  "FirstObservedAt": "2026-10-30T22:41:05.000Z",
				  "LastObservedAt": "2026-11-19T23:02:11.000Z",
				  "CreatedAt": "2026-10-30T22:48:10.000Z",
				  "UpdatedAt": "%s",
				  "Severity": {"Label": "MEDIUM", "Normalized": 50, "Product": 5},
				  "Title": "%s",
				  "Description": "198.51.100.7 is performing SSH brute force attacks against i-0abc1234def567890.",
				  "Resources": [{"Type": "AwsEc2Instance", "Id": "arn:aws:ec2:ap-northeast-1:%s:instance/i-0abc1234def567890", "Partition": "aws", "Region": "ap-northeast-1", "Details": {"AwsEc2Instance": {"Type": "t3.micro", "ImageId": "ami-0123456789abcdef0"}}}],
				  "WorkflowState": "NEW",
				  "Workflow": {"Status": "NEW"},
				  "RecordState": "ACTIVE"
				}"""
			.formatted(guardDutyId(account, detector), guardDutyProduct(), account, detector, account,
					type.split(" ")[0], updatedAt, type, account);
	}

	private static String guardDutyId(String account, String detector) {
		return "arn:aws:guardduty:ap-northeast-1:" + account + ":detector/" + detector + "/finding/"
				+ new StringBuilder(detector).reverse();
	}

	private static String guardDutyProduct() {
		return "arn:aws:securityhub:ap-northeast-1::product/aws/guardduty";
	}

	private static String key(String account, String controlId, String resourceId) {
		String uuid = java.util.UUID.nameUUIDFromBytes((controlId + account + resourceId).getBytes()).toString();
		return new FindingKey(
				"arn:aws:securityhub:ap-northeast-1:" + account + ":security-control/" + controlId + "/finding/" + uuid,
				"arn:aws:securityhub:ap-northeast-1::product/aws/securityhub")
			.digest();
	}

	private static MockMultipartFile upload(String name, String content) {
		return new MockMultipartFile("file", name, MediaType.APPLICATION_JSON_VALUE,
				content.getBytes(StandardCharsets.UTF_8));
	}

	private long count(String account) {
		return findings.page(FindingQuery.parse(account, null, null, null, null, null, null, null, 1, 1)).total();
	}

	private static long rows(String html) {
		return Pattern.compile("<tr id=\"finding-[0-9a-f]{64}\"").matcher(html).results().count();
	}

	private static String between(String html, String start, String end) {
		int from = html.indexOf(start);
		assertThat(from).as(start).isNotNegative();
		int to = html.indexOf(end, from + start.length());
		assertThat(to).as(end).isPositive();
		return html.substring(from + start.length(), to);
	}

	private MockHttpServletRequestBuilder authorized(MockHttpServletRequestBuilder request, Role role) {
		var name = Username.of("findings-" + role.name().toLowerCase(java.util.Locale.ROOT));
		if (users.find(name).isEmpty()) {
			users.create(name, "Findings " + role, Set.of(role), "a-long-enough-password", Actor.system("test"));
		}
		return request.header(HttpHeaders.AUTHORIZATION,
				"Bearer " + tokens.issue(name, "findings tests", Actor.system("test")).secret());
	}

}
