package io.soc2ops.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultMatcher;

import io.soc2ops.MovableClock;
import io.soc2ops.evidence.Actor;
import io.soc2ops.findings.ControlFinding;
import io.soc2ops.findings.FindingsIntake;
import io.soc2ops.findings.IntakeChannel;
import io.soc2ops.findings.PostureSnapshots;

/**
 * Readiness over time, full stack: a public bucket fails S3.8 on 28 September (snapshot
 * taken), is fixed on the 30th (snapshot taken), and today is 2 October. The 29th has no
 * snapshot. The context has a database of its own.
 */
@SpringBootTest(properties = "soc2ops.test.context=posture-history")
@AutoConfigureMockMvc
@Import(MovableClock.Configuration.class)
class PostureHistoryPagesTests {

	static final LocalDate FAILED_DAY = LocalDate.of(2026, 9, 28);

	static final LocalDate FIXED_DAY = LocalDate.of(2026, 9, 30);

	static final String TODAY = "2026-10-02T10:00:00Z";

	static final ControlFinding BUCKET = ControlFinding.of("S3.8", "111122223333", "ap-northeast-1",
			"arn:aws:s3:::payroll-exports");

	@Autowired
	MockMvc mvc;

	@Autowired
	MovableClock clock;

	@Autowired
	FindingsIntake intake;

	@Autowired
	PostureSnapshots snapshots;

	@BeforeEach
	void history() {
		if (snapshots.on(FAILED_DAY).isEmpty()) {
			clock.set("2026-09-28T10:00:00Z");
			accept(BUCKET.failed().updatedAt("2026-09-28T09:00:00Z"));
			snapshots.take(FAILED_DAY);
			clock.set("2026-09-30T10:00:00Z");
			accept(BUCKET.passed().updatedAt("2026-09-30T09:00:00Z"));
			snapshots.take(FIXED_DAY);
		}
		clock.set(TODAY);
	}

	@Test
	void theCriterionPageShowsOneCellPerDayOfTheLast90WithALegend() throws Exception {
		String html = page("/criteria/CC6.6", status().isOk());

		assertThat(count(html, "<rect ")).isEqualTo(90);
		assertThat(html).contains("<title>2026-09-28: Failing</title>")
			.contains("<title>2026-09-29: No snapshot</title>")
			.contains("<title>2026-07-05: No snapshot</title>")
			.contains("Status of CC6.6 per day from 2026-07-05 to 2026-10-02")
			.doesNotContain("2026-07-04:");
		assertThat(html).containsPattern("class=\"cell status-FAILING\"[^>]*><title>2026-09-28")
			.containsPattern("class=\"cell no-snapshot\"[^>]*><title>2026-09-29");
		assertThat(between(html, "id=\"strip-legend\"", "</ul>")).contains("Passing", "Failing", "No snapshot");
	}

	@Test
	void eachMappedSecurityHubControlHasASparklineOfItsFailingResources() throws Exception {
		String html = page("/criteria/CC6.6", status().isOk());

		String sparkline = between(html, "id=\"sparkline-S3.8\"", "</svg>");
		assertThat(sparkline)
			.contains("S3.8: failing resources per day from 2026-07-05 to 2026-10-02; highest 1, latest 0")
			.containsPattern("<path d=\"M114\\.6 2\\.0 h1 M117\\.3 22\\.0 h1 M120\\.0 22\\.0 h1\"");
		assertThat(html).doesNotContain("id=\"sparkline-EC2.19\"");
	}

	@Test
	void aChosenPeriodAndItsProblems() throws Exception {
		String html = page("/criteria/CC6.6?from=2026-09-27&to=2026-09-30", status().isOk());
		assertThat(count(html, "<rect ")).isEqualTo(4);

		assertThat(page("/criteria/CC6.6?from=28.09.2026", status().isBadRequest()))
			.contains("from must be a date like 2026-09-30 (YYYY-MM-DD), not &#39;28.09.2026&#39;");
		assertThat(page("/criteria/CC6.6?to=2026-10-03", status().isBadRequest()))
			.contains("to 2026-10-03 is in the future; today is 2026-10-02 (UTC).");
		assertThat(page("/criteria/CC6.6?from=2026-10-01&to=2026-09-01", status().isBadRequest()))
			.contains("The period starts (2026-10-01) after it ends (2026-09-01).");
		assertThat(page("/criteria/CC6.6?from=2024-01-01", status().isBadRequest())).contains("longer than 366 days");
		assertThat(page("/criteria/CC6.6?to=2026-10-03&lang=ja", status().isBadRequest())).contains("未来の日付です");
	}

	@Test
	void theDashboardReplaysAPastDayWithABanner() throws Exception {
		String then = page("/?asOf=2026-09-28", status().isOk());
		String now = page("/", status().isOk());

		assertThat(then).contains("id=\"replay-banner\"")
			.contains("Replay: the readiness map as it stood on 2026-09-28.")
			.contains("taken that day");
		assertThat(tile(then, "CC6.6")).contains("status-FAILING");
		assertThat(now).doesNotContain("id=\"replay-banner\"");
		assertThat(tile(now, "CC6.6")).doesNotContain("status-FAILING");
		assertThat(page("/?asOf=2026-10-02", status().isOk())).doesNotContain("id=\"replay-banner\"");
		assertThat(page("/?asOf=2026-09-28&lang=ja", status().isOk())).contains("再現表示");
	}

	@Test
	void aDayWithoutASnapshotIsSaidSoAndNothingIsInvented() throws Exception {
		String html = page("/?asOf=2026-09-29", status().isOk());

		assertThat(html).contains("No posture snapshot for 2026-09-29").doesNotContain("id=\"tile-CC6.6\"");
	}

	@Test
	void aBadOrFutureAsOfIsRefusedWithAClearMessage() throws Exception {
		assertThat(page("/?asOf=yesterday", status().isBadRequest()))
			.contains("asOf must be a date like 2026-09-30 (YYYY-MM-DD), not &#39;yesterday&#39;")
			.doesNotContain("id=\"replay-banner\"");
		assertThat(page("/?asOf=2026-10-03", status().isBadRequest()))
			.contains("asOf 2026-10-03 is in the future; today is 2026-10-02 (UTC).");
		String hostile = mvc.perform(get("/").param("asOf", "<script>").with(user("reader").roles("AUDITOR")))
			.andExpect(status().isBadRequest())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(hostile).doesNotContain("<script>").contains("not &#39;&lt;script&gt;&#39;");
	}

	@Test
	void theApiGivesEachDaysCriterionStatusAndFailingCounts() throws Exception {
		mvc.perform(get("/api/v1/posture/history?from=2026-09-28&to=2026-10-02").with(user("auditor").roles("AUDITOR")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.length()").value(5))
			.andExpect(jsonPath("$[0].day").value("2026-09-28"))
			.andExpect(jsonPath("$[0].recorded").value(true))
			.andExpect(jsonPath("$[0].source").value("TAKEN"))
			.andExpect(jsonPath("$[0].criteria['CC6.6']").value("FAILING"))
			.andExpect(jsonPath("$[0].criteria.length()").value(61))
			.andExpect(jsonPath("$[0].failingResources['S3.8']").value(1))
			.andExpect(jsonPath("$[1].recorded").value(false))
			.andExpect(jsonPath("$[1].criteria.length()").value(0))
			.andExpect(jsonPath("$[2].failingResources['S3.8']").value(0))
			.andExpect(jsonPath("$[4].source").value("CURRENT"));
		mvc.perform(get("/api/v1/posture/history?from=2026-13-01").with(user("auditor").roles("AUDITOR")))
			.andExpect(status().isBadRequest())
			.andExpect(
					jsonPath("$.detail").value("from must be a date like 2026-09-30 (YYYY-MM-DD), not '2026-13-01'"));
		mvc.perform(get("/api/v1/posture/history").with(user("auditor").roles("AUDITOR")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.length()").value(90));
	}

	private String page(String path, ResultMatcher expected) throws Exception {
		return mvc.perform(get(path).with(user("reader").roles("AUDITOR")))
			.andExpect(expected)
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	private void accept(ControlFinding finding) {
		intake.accept(ControlFinding.batch(finding), IntakeChannel.FILE, "test", Actor.system("test"));
	}

	private static String tile(String html, String criterion) {
		var matcher = Pattern.compile("<a [^>]*id=\"tile-" + Pattern.quote(criterion) + "\"[^>]*>").matcher(html);
		assertThat(matcher.find()).as("tile " + criterion).isTrue();
		return matcher.group();
	}

	private static String between(String html, String start, String end) {
		int from = html.indexOf(start);
		assertThat(from).as(start).isNotNegative();
		return html.substring(from, html.indexOf(end, from));
	}

	private static long count(String html, String needle) {
		return Pattern.compile(Pattern.quote(needle)).matcher(html).results().count();
	}

}
