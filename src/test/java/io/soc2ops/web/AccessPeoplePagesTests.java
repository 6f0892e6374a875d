package io.soc2ops.web;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import io.soc2ops.MovableClock;
import io.soc2ops.access.AccessPeople;
import io.soc2ops.access.CredentialReports;
import io.soc2ops.access.PersonKey;
import io.soc2ops.evidence.Actor;
import io.soc2ops.identity.Role;
import io.soc2ops.identity.Username;
import io.soc2ops.identity.Users;
import tools.jackson.databind.json.JsonMapper;

/**
 * The people directory and offboarding from the pages and the API: who reads and who
 * changes them, a person's manager set from the page, an offboarding started through the
 * API and its removal confirmed on its page; refusals are problems naming why.
 */
@SpringBootTest(properties = "soc2ops.test.context=access-credreport-web")
@AutoConfigureMockMvc
@Import(MovableClock.Configuration.class)
class AccessPeoplePagesTests {

	static final String ACCOUNT = "520000000001";

	static final RequestPostProcessor OPERATOR = user("web-olga").roles("OPERATOR");

	static final RequestPostProcessor AUDITOR = user("web-audrey").roles("AUDITOR");

	static final RequestPostProcessor ENGINEER = user("web-erin").roles("ENGINEER");

	@Autowired
	MockMvc mvc;

	@Autowired
	Users users;

	@Autowired
	CredentialReports reports;

	@Autowired
	AccessPeople people;

	@Autowired
	MovableClock clock;

	@BeforeEach
	void estate() {
		clock.set("2026-10-02T01:00:00Z");
		for (var user : java.util.Map.of("web-olga", Role.OPERATOR, "web-mika", Role.APPROVER).entrySet()) {
			if (users.find(Username.of(user.getKey())).isEmpty()) {
				users.create(Username.of(user.getKey()), user.getKey(), Set.of(user.getValue()), "a-long-password-1",
						Actor.system("test"));
			}
		}
		String header = "user,arn,user_creation_time,password_enabled,password_last_used,password_last_changed,"
				+ "password_next_rotation,mfa_active,access_key_1_active,access_key_1_last_rotated,"
				+ "access_key_1_last_used_date,access_key_1_last_used_region,access_key_1_last_used_service,"
				+ "access_key_2_active,access_key_2_last_rotated,access_key_2_last_used_date,"
				+ "access_key_2_last_used_region,access_key_2_last_used_service,cert_1_active,cert_1_last_rotated,"
				+ "cert_2_active,cert_2_last_rotated";
		String root = "<root_account>,arn:aws:iam::" + ACCOUNT + ":root,2019-04-01T00:00:00+00:00,not_supported,"
				+ "no_information,not_supported,not_supported,true,false,N/A,N/A,N/A,N/A,false,N/A,N/A,N/A,N/A,false,"
				+ "N/A,false,N/A";
		String sato = "web-sato,arn:aws:iam::" + ACCOUNT + ":user/web-sato,2026-01-05T00:00:00+00:00,true,"
				+ "2026-09-30T00:00:00+00:00,2026-01-05T00:00:00+00:00,N/A,false,false,N/A,N/A,N/A,N/A,false,N/A,N/A,"
				+ "N/A,N/A,false,N/A,false,N/A";
		reports.store(ACCOUNT, (header + "\n" + root + "\n" + sato + "\n").getBytes(StandardCharsets.UTF_8),
				Instant.parse("2026-10-01T00:00:00Z"), "collector", Actor.system("collector"));
	}

	@Test
	void theDirectoryIsReadByTheAuditorNotTheEngineerAndTheManagerIsSetOnThePage() throws Exception {
		mvc.perform(get("/access/people").param("q", "web-sato").with(AUDITOR))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("href=\"/access/people/web-sato\"")));
		mvc.perform(get("/access/people").with(ENGINEER)).andExpect(status().isForbidden());
		mvc.perform(get("/access/people/web-sato").with(AUDITOR))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("id=\"person-form\""))));

		mvc.perform(post("/access/people/web-sato").param("manager", "web-mika")
			.param("soc2opsUser", "")
			.param("leftOn", "")
			.with(OPERATOR)
			.with(csrf()))
			.andExpect(redirectedUrl("/access/people/web-sato"))
			.andExpect(flash().attribute("saved", true));
		mvc.perform(post("/access/people/web-sato").param("manager", "ghost").with(OPERATOR).with(csrf()))
			.andExpect(flash().attribute("problem", "manager: there is no soc2ops user 'ghost'"));
		mvc.perform(post("/access/people/web-sato").param("manager", "web-mika").with(AUDITOR).with(csrf()))
			.andExpect(status().isForbidden());

		org.assertj.core.api.Assertions.assertThat(people.find(new PersonKey("web-sato")).orElseThrow().manager())
			.contains("web-mika");
		mvc.perform(get("/access/people/web-sato").with(OPERATOR))
			.andExpect(content().string(containsString("id=\"person-form\"")))
			.andExpect(content().string(containsString("<option value=\"web-mika\" selected=\"selected\">")));
		mvc.perform(put("/api/v1/access/people/web-sato").contentType(MediaType.APPLICATION_JSON)
			.content("{\"manager\":\"ghost\"}")
			.with(OPERATOR))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value("manager: there is no soc2ops user 'ghost'; nothing was changed"));
		mvc.perform(put("/api/v1/access/people/nobody-here").contentType(MediaType.APPLICATION_JSON)
			.content("{}")
			.with(OPERATOR)).andExpect(status().isNotFound());
	}

	@Test
	void anOffboardingStartedThroughTheApiIsCompletedFromItsPage() throws Exception {
		var started = mvc
			.perform(post("/api/v1/access/offboardings").contentType(MediaType.APPLICATION_JSON)
				.content("{\"person\":\"web-sato\",\"leftOn\":\"2026-10-02\"}")
				.with(OPERATOR))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.state").value("OPEN"))
			.andExpect(jsonPath("$.removals[0].principal").value("web-sato"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		var json = JsonMapper.builder().build().readTree(started);
		long id = json.get("id").asLong();
		long removal = json.get("removals").get(0).get("id").asLong();
		mvc.perform(post("/api/v1/access/offboardings").contentType(MediaType.APPLICATION_JSON)
			.content("{\"person\":\"web-sato\",\"leftOn\":\"2026-10-02\"}")
			.with(OPERATOR))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail").value(containsString("under way already")));
		mvc.perform(post("/api/v1/access/offboardings").contentType(MediaType.APPLICATION_JSON)
			.content("{\"person\":\"nobody-here\",\"leftOn\":\"2026-10-02\"}")
			.with(OPERATOR)).andExpect(status().isNotFound());

		mvc.perform(get("/access/offboardings/" + id).with(AUDITOR))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("id=\"confirm-" + removal + "\""))));
		mvc.perform(get("/access/offboardings/" + id).with(OPERATOR))
			.andExpect(content().string(containsString("id=\"confirm-" + removal + "\"")));
		mvc.perform(post("/access/offboardings/" + id + "/removals/" + removal + "/confirm").param("note", "deleted")
			.with(OPERATOR)
			.with(csrf())).andExpect(redirectedUrl("/access/offboardings/" + id));

		mvc.perform(get("/access/offboardings/" + id).with(AUDITOR))
			.andExpect(content().string(containsString("Completed within target")));
		mvc.perform(get("/api/v1/access/offboardings/" + id).with(AUDITOR))
			.andExpect(jsonPath("$.state").value("COMPLETED_IN_TIME"))
			.andExpect(jsonPath("$.businessDaysTaken").value(0));
		mvc.perform(get("/api/v1/access/offboardings/987654").with(AUDITOR)).andExpect(status().isNotFound());
		mvc.perform(get("/access/offboardings").with(AUDITOR))
			.andExpect(content().string(containsString("id=\"offboarding-" + id + "\"")));
		mvc.perform(get("/api/v1/access/credential-findings").with(AUDITOR))
			.andExpect(jsonPath("$[?(@.user == 'web-sato')].kind").value("NO_MFA"));
	}

}
