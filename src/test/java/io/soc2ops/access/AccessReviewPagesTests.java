package io.soc2ops.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.zip.ZipInputStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import io.soc2ops.MovableClock;
import io.soc2ops.identity.Role;
import io.soc2ops.identity.Users;

/**
 * What people click and API clients call: a campaign created through the form, the
 * reviewer's items first with keep and revoke, a hostile comment shown escaped, the
 * auditor reading and downloading the evidence but never deciding, and the REST calls.
 */
@ReviewContext
class AccessReviewPagesTests {

	static final Instant NOW = Instant.parse("2026-10-01T09:00:00Z");

	@Autowired
	MockMvc mvc;

	@Autowired
	AccessReviews reviews;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Users users;

	@Autowired
	MovableClock clock;

	ReviewFixtures fixtures;

	String account;

	String manager;

	String person;

	@BeforeEach
	void aPersonWithAManager() {
		clock.set(NOW);
		fixtures = new ReviewFixtures(jdbc, users);
		account = ReviewFixtures.account();
		fixtures.user("review-admin", Role.ADMIN);
		manager = fixtures.user(ReviewFixtures.unique("mgr-"), Role.APPROVER);
		person = ReviewFixtures.unique("ken-") + "@example.com";
		fixtures.person(person, null, manager);
		fixtures.assignment(account, person, "AdministratorAccess", "", NOW.minus(Duration.ofDays(9)), null);
		fixtures.assignment(account, person, "<img src=x onerror=alert(1)>", "", NOW.minus(Duration.ofDays(9)), null);
	}

	@Test
	void aCampaignStartedFromTheFormIsReviewedOnItsPage() throws Exception {
		assertThat(mvc.perform(get("/access/reviews").with(user("review-admin").roles("ADMIN")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString()).contains("id=\"campaign-form\"");
		String location = mvc
			.perform(post("/access/reviews").with(user("review-admin").roles("ADMIN"))
				.with(csrf())
				.param("name", "Quarterly <Q4>")
				.param("accounts", account)
				.param("dueOn", "2026-10-31"))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
		var items = reviews.items(id, ReviewItemFilter.ALL, manager, 1, 10).items();
		assertThat(items).hasSize(2);

		String page = mvc.perform(get(location).with(user(manager).roles("APPROVER")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("Quarterly &lt;Q4&gt;")
			.contains("&lt;img src=x onerror=alert(1)&gt;")
			.doesNotContain("<img src=x")
			.contains("id=\"keep-" + items.get(0).id() + "\"")
			.contains("id=\"revoke-" + items.get(1).id() + "\"");

		mvc.perform(post(location + "/decisions").with(user(manager).roles("APPROVER"))
			.with(csrf())
			.param("item", String.valueOf(items.get(1).id()))
			.param("decision", "revoke")
			.param("comment", " "))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("problem", "comment: is required to revoke"));
		mvc.perform(post(location + "/decisions").with(user(manager).roles("APPROVER"))
			.with(csrf())
			.param("item", String.valueOf(items.get(1).id()))
			.param("decision", "revoke")
			.param("comment", "<script>alert('x')</script>"))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("decidedCount", 1));
		mvc.perform(post(location + "/decisions").with(user(manager).roles("APPROVER"))
			.with(csrf())
			.param("item", String.valueOf(items.get(0).id()))
			.param("decision", "keep")).andExpect(flash().attribute("completed", true));

		String auditorPage = mvc.perform(get(location + "?status=all").with(user("someone").roles("AUDITOR")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(auditorPage).contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;")
			.doesNotContain("<script>alert")
			.doesNotContain("id=\"keep-")
			.contains("id=\"campaign-state\"");
		var zip = mvc.perform(get(location + "/evidence").with(user("someone").roles("AUDITOR")))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", "application/zip"))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		var names = new ArrayList<String>();
		try (var in = new ZipInputStream(new ByteArrayInputStream(zip))) {
			for (var entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
				names.add(entry.getName());
			}
		}
		assertThat(names).containsExactly("items.csv", "summary.json", "summary.html");
		mvc.perform(get("/access/reviews").with(user("someone").roles("AUDITOR")))
			.andExpect(status().isOk())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
				.string(org.hamcrest.Matchers.containsString("2 of 2 decided (100%)")));
	}

	@Test
	void theApiCreatesDecidesAndRefusesWithProblems() throws Exception {
		String body = """
				{"name":"api campaign","accounts":["%s"],"dueOn":"2026-11-15"}""".formatted(account);
		String created = mvc
			.perform(post("/api/v1/access/reviews").with(user("review-admin").roles("ADMIN"))
				.contentType(MediaType.APPLICATION_JSON)
				.content(body))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.itemCount").value(2))
			.andExpect(jsonPath("$.state").value("OPEN"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		long id = Long.parseLong(created.replaceAll("(?s).*?\"id\":([0-9]+).*", "$1"));
		var items = reviews.items(id, ReviewItemFilter.ALL, manager, 1, 10).items();

		mvc.perform(post("/api/v1/access/reviews/" + id + "/decisions").with(user("other").roles("ENGINEER"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"items\":[" + items.get(0).id() + "],\"decision\":\"KEEP\"}"))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("may not review access")));
		mvc.perform(post("/api/v1/access/reviews/" + id + "/decisions").with(user(manager).roles("APPROVER"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"items\":[" + items.get(0).id() + "],\"decision\":\"KEEP\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items").value(1));
		mvc.perform(post("/api/v1/access/reviews/" + id + "/decisions").with(user(manager).roles("APPROVER"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"items\":[" + items.get(0).id() + "],\"decision\":\"REVOKE\",\"comment\":\"x\"}"))
			.andExpect(status().isConflict());
		mvc.perform(get("/api/v1/access/reviews/" + id + "/reviewers").with(user("someone").roles("AUDITOR")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].reviewer").value(manager))
			.andExpect(jsonPath("$[0].kept").value(1));
		mvc.perform(post("/api/v1/access/reviews").with(user("review-admin").roles("ADMIN"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\":\"x\",\"accounts\":[\"12\"],\"dueOn\":\"2026-11-15\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.startsWith("scope.accounts: '12'")));
	}

}
