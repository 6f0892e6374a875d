package io.soc2ops.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import io.soc2ops.Soc2opsApplication;
import io.soc2ops.evidence.Actor;
import io.soc2ops.evidence.EvidenceEntry;
import io.soc2ops.evidence.EvidenceLedger;

/**
 * The first start creates {@code admin}, with the configured password or a generated one
 * that is printed once; never with a password anyone else could know.
 */
class FirstAdminTests {

	static final String CONFIGURED_PASSWORD = "Configured-First-Run-Secret-7f3a";

	static final Pattern GENERATED = Pattern
		.compile("sign in as 'admin' with this password \\(shown only now\\):\\s+(\\S+)");

	@Nested
	@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
			properties = "soc2ops.identity.admin-password=" + CONFIGURED_PASSWORD)
	@AutoConfigureMockMvc
	@ExtendWith(OutputCaptureExtension.class)
	@DirtiesContext
	class WithAConfiguredPassword {

		@Autowired
		MockMvc mvc;

		@Autowired
		Users users;

		@Autowired
		Environment environment;

		@LocalServerPort
		int port;

		@Test
		void createsTheAdminWhoSignsInWithThatPassword() throws Exception {
			var admin = users.find(Username.of("admin")).orElseThrow();
			assertThat(admin.roles()).containsExactly(Role.ADMIN);
			assertThat(admin.enabled()).isTrue();
			assertThat(users.all()).extracting(User::username).containsExactly(Username.of("admin"));

			signIn(mvc, CONFIGURED_PASSWORD).andExpect(authenticated().withUsername("admin").withRoles("ADMIN"));
			signIn(mvc, "not the configured one").andExpect(unauthenticated());
		}

		@Test
		void saysWhereToSignInWithoutPrintingThePassword(CapturedOutput output) throws IOException {
			assertThat(output.getAll()).contains("soc2ops is ready at http://localhost:" + port)
				.contains("sign in as 'admin' with the password in SOC2OPS_ADMIN_PASSWORD")
				.doesNotContain(CONFIGURED_PASSWORD)
				.doesNotContain("shown only now");
			assertThat(logFile(environment)).doesNotContain(CONFIGURED_PASSWORD);
		}

	}

	@Nested
	@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "soc2ops.identity.admin-password=")
	@AutoConfigureMockMvc
	@ExtendWith(OutputCaptureExtension.class)
	@DirtiesContext
	class WithoutAPassword {

		@Autowired
		MockMvc mvc;

		@Autowired
		Users users;

		@Autowired
		EvidenceLedger ledger;

		@Autowired
		Environment environment;

		@Test
		void printsAGeneratedPasswordOnceToTheConsoleAndNotToTheLog(CapturedOutput output) throws IOException {
			var printed = generatedPasswords(output);

			assertThat(printed).hasSize(1);
			String password = printed.getFirst();
			assertThat(password).hasSize(20).matches("[A-HJ-NP-Za-km-z2-9]{20}");
			assertThat(occurrences(output.getAll(), password)).isEqualTo(1);
			assertThat(logFile(environment)).doesNotContain(password);
		}

		@Test
		void theGeneratedPasswordSignsInAsAdmin(CapturedOutput output) throws Exception {
			String password = generatedPasswords(output).getFirst();

			signIn(mvc, password).andExpect(authenticated().withUsername("admin").withRoles("ADMIN"));
		}

		@Test
		void theCreationIsInTheLedgerWithoutThePassword(CapturedOutput output) {
			String password = generatedPasswords(output).getFirst();

			var entries = ledger.about("user:admin", 10);

			assertThat(entries).extracting(EvidenceEntry::action).contains("user.created");
			var created = entries.getLast();
			assertThat(created.action()).isEqualTo("user.created");
			assertThat(created.actor()).isEqualTo(Actor.system("first-run"));
			assertThat(created.payload()).doesNotContain(password);
		}

	}

	/**
	 * Starts soc2ops on its own, outside the test context cache, each time on a new empty
	 * database.
	 */
	@Nested
	@ExtendWith(OutputCaptureExtension.class)
	class NeverWithAFixedPassword {

		@Test
		void everyFirstStartGeneratesADifferentPassword(CapturedOutput output) {
			int before = output.getAll().length();
			for (int i = 0; i < 2; i++) {
				try (var app = start("soc2ops.identity.admin-password=")) {
					assertThat(app.getBean(Users.class).find(Username.of("admin"))).isPresent();
				}
			}

			var printed = generatedPasswords(output.getAll().substring(before));
			assertThat(printed).hasSize(2);
			assertThat(printed.get(0)).isNotEqualTo(printed.get(1));
		}

		@Test
		void noCommonDefaultPasswordSignsInAsTheGeneratedAdmin() {
			try (var app = start("soc2ops.identity.admin-password=")) {
				var passwords = app.getBean(PasswordEncoder.class);
				String hash = app.getBean(JdbcClient.class)
					.sql("SELECT password_hash FROM app_user WHERE username = 'admin'")
					.query(String.class)
					.single();

				assertThat(List.of("", "admin", "password", "changeme", "soc2ops", "admin123", "administrator",
						"changeme123!", "soc2ops-admin", "Password123!"))
					.noneMatch(common -> passwords.matches(common, hash));
			}
		}

		@Test
		void aBlankConfiguredPasswordIsTreatedAsNone(CapturedOutput output) {
			int before = output.getAll().length();
			try (var app = start("soc2ops.identity.admin-password=   ")) {
				assertThat(generatedPasswords(output.getAll().substring(before))).hasSize(1);
			}
		}

		@Test
		void aConfiguredPasswordThatIsTooShortStopsTheFirstStart() {
			var thrown = catchThrowable(() -> start("soc2ops.identity.admin-password=admin").close());

			assertThat(NestedExceptionUtils.getMostSpecificCause(thrown)).isInstanceOf(IdentityException.class)
				.hasMessageContaining("at least 12 characters");
		}

		private ConfigurableApplicationContext start(String adminPassword) {
			return new SpringApplicationBuilder(Soc2opsApplication.class).run("--server.port=0", "--" + adminPassword);
		}

	}

	static ResultActions signIn(MockMvc mvc, String password) throws Exception {
		return mvc.perform(post("/signin").param("username", "admin").param("password", password).with(csrf()));
	}

	static List<String> generatedPasswords(CapturedOutput output) {
		return generatedPasswords(output.getAll());
	}

	static List<String> generatedPasswords(String output) {
		return GENERATED.matcher(output).results().map(match -> match.group(1)).toList();
	}

	static int occurrences(String text, String part) {
		int count = 0;
		for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
			count++;
		}
		return count;
	}

	/**
	 * What this test run wrote to the log file, which is shared with earlier runs (whose
	 * test frameworks may have logged this test's properties when a context failed).
	 */
	static String logFile(Environment environment) throws IOException {
		var file = Path.of(environment.getRequiredProperty("logging.file.name"));
		String thisProcess = "\"pid\":" + ProcessHandle.current().pid() + ",";
		var lines = Files.readAllLines(file).stream().filter(line -> line.contains(thisProcess)).toList();
		assertThat(lines).as("log lines written by this test run").isNotEmpty();
		return String.join("\n", lines);
	}

}
