package io.soc2ops.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.web.servlet.MockMvc;

import io.soc2ops.schedule.RecurringTask;
import io.soc2ops.schedule.Schedule;
import io.soc2ops.schedule.Schedules;

/**
 * The Schedules page: every recurring task with its schedule in words, its last run and
 * outcome, and its next run; in English and Japanese; linked for the roles that may read
 * it.
 */
@SpringBootTest(properties = { "soc2ops.schedule.enabled=true", "soc2ops.schedule.polling-interval=100ms",
		"soc2ops.schedule.instance-name=web-1" })
@AutoConfigureMockMvc
@DirtiesContext
class SchedulesPageTests {

	@TestConfiguration
	static class Tasks {

		@Bean
		RecurringTask refusing() {
			return new RecurringTask("test.refusing", Schedule.every(Duration.ofHours(1)), () -> {
				throw new IllegalStateException("the role <soc2ops-readonly> was refused");
			});
		}

		@Bean
		RecurringTask nightly() {
			return new RecurringTask("test.nightly", Schedule.dailyAt(LocalTime.of(0, 10), ZoneOffset.UTC), () -> {
			});
		}

	}

	@Autowired
	MockMvc mvc;

	@Autowired
	Schedules schedules;

	@Test
	void showsEveryTaskWithItsScheduleLastOutcomeAndNextRun() throws Exception {
		await().atMost(Duration.ofSeconds(30))
			.until(() -> schedules.status()
				.stream()
				.anyMatch(s -> s.task().equals("test.refusing") && s.lastRun() != null));

		String page = page("AUDITOR", "en");

		assertThat(page).contains("This instance (web-1) runs recurring tasks.")
			.contains("test.nightly", "daily at 00:10 (UTC)")
			.contains("test.refusing", "every 1h, after the previous run ends")
			.contains("Failed", "the role &lt;soc2ops-readonly&gt; was refused", "on web-1")
			.contains("href=\"/schedules\"");
		assertThat(page("OPERATOR", "ja")).contains("毎日 00:10（UTC）", "失敗", "1h ごと");
	}

	@Test
	void theLinkIsShownOnlyToRolesThatMayReadIt() throws Exception {
		assertThat(page("ADMIN", "en")).contains("href=\"/schedules\"");
		assertThat(
				mvc.perform(get("/").with(user("e").roles("ENGINEER"))).andReturn().getResponse().getContentAsString())
			.doesNotContain("href=\"/schedules\"");
	}

	private String page(String role, String language) throws Exception {
		return mvc.perform(get("/schedules").param("lang", language).with(user("viewer").roles(role)))
			.andReturn()
			.getResponse()
			.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
	}

}
