package io.soc2ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.soc2ops.evidence.Actor;
import io.soc2ops.aws.EventQueue;
import io.soc2ops.aws.SecurityHubCollector;
import io.soc2ops.aws.local.LocalAws;
import io.soc2ops.aws.local.LocalQueue;
import io.soc2ops.aws.local.SampleFindings;
import io.soc2ops.cli.Soc2opsCommand;
import io.soc2ops.evidence.Actor;
import io.soc2ops.identity.ApiTokens;
import io.soc2ops.identity.Role;
import io.soc2ops.identity.Username;
import io.soc2ops.identity.Users;
import io.soc2ops.web.EventsApiFixtures;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * One path per kind of input: the same findings — a first version of five, then a newer
 * version of one — sent through the REST import, the EventBridge webhook, the SQS queue,
 * the file import and the Security Hub collector, each into a fresh database, are stored
 * as the same rows. Only the channel and soc2ops's own timestamps (first seen, last
 * changed, recorded) may differ.
 */
class SameRowsFromEveryChannelTests {

	static final String ACCOUNT = "444455556666";

	static final String REGION = "ap-northeast-1";

	static final Set<String> SOC2OPS_SIDE = Set.of("channel", "first_seen_at", "last_changed_at", "recorded_at");

	static final LocalAws aws = LocalAws.start();

	static final LocalQueue sqs = LocalQueue.start();

	static List<String> first;

	static List<String> second;

	@TempDir
	Path directory;

	@AfterAll
	static void stop() {
		aws.close();
		sqs.close();
	}

	/**
	 * Version 1 is from an hour ago; version 2 is made after the collector's first run,
	 * so that its second run (which asks for what changed since the first) finds it.
	 */
	@BeforeAll
	static void firstVersion() {
		var updated = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MILLIS);
		first = new ArrayList<>(SampleFindings.s3Buckets(ACCOUNT, REGION, 3, updated));
		first.add(EventsApiFixtures.guardDuty("g1", updated.toString()));
		first.add(EventsApiFixtures.guardDuty("g2", updated.toString()));
	}

	@Test
	void everyChannelStoresTheSameFindingRowsAndHistory() throws Exception {
		var collected = collector();
		var rest = rest();
		var webhook = webhook();
		var queue = queue();
		var file = file();

		assertThat(collected.findings()).hasSize(5);
		assertThat(collected.history()).hasSize(6);
		Map<String, Rows> channels = new LinkedHashMap<>();
		channels.put("REST import", rest);
		channels.put("webhook", webhook);
		channels.put("SQS", queue);
		channels.put("file import", file);
		channels.forEach((channel, rows) -> {
			assertThat(rows.findings()).as("finding rows from the %s", channel)
				.usingRecursiveComparison()
				.isEqualTo(collected.findings());
			assertThat(rows.history()).as("finding_history rows from the %s", channel)
				.usingRecursiveComparison()
				.isEqualTo(collected.history());
		});
	}

	/** (e) {@code GetFindings} from the local AWS endpoint, twice. */
	private Rows collector() {
		aws.findings(ACCOUNT, REGION, first);
		var database = TestDatabases.fresh();
		try (var collecting = start(database, WebApplicationType.NONE, Map.of("soc2ops.aws.enabled", "true",
				"soc2ops.aws.regions", REGION, "soc2ops.aws.endpoint", aws.endpoint().toString()), context -> {
					AwsCredentialsProvider credentials = StaticCredentialsProvider
						.create(AwsBasicCredentials.create(LocalAws.accessKeyId(ACCOUNT), LocalAws.SECRET));
					context.getBeanFactory().registerSingleton("awsCredentials", credentials);
				})) {
			var collector = collecting.getBean(SecurityHubCollector.class);
			assertThat(collector.collect(Actor.system("test")).failures()).isEmpty();
			var updated = Instant.now().truncatedTo(ChronoUnit.MILLIS);
			second = List.of(SampleFindings.s3Bucket(ACCOUNT, REGION, 2, updated).replace("\"FAILED\"", "\"PASSED\""));
			aws.findings(ACCOUNT, REGION, second);
			assertThat(collector.collect(Actor.system("test")).received()).isEqualTo(1);
		}
		return Rows.of(database);
	}

	/** (a) {@code POST /api/v1/findings/import}: a GetFindings page, then an array. */
	private Rows rest() throws Exception {
		var database = TestDatabases.fresh();
		try (var server = start(database, WebApplicationType.SERVLET, Map.of(), context -> {
		})) {
			String token = token(server);
			post(server, "/api/v1/findings/import", "Authorization", "Bearer " + token,
					"{\"Findings\":[" + String.join(",", first) + "]}", 201);
			post(server, "/api/v1/findings/import", "Authorization", "Bearer " + token,
					"[" + String.join(",", second) + "]", 201);
		}
		return Rows.of(database);
	}

	/** (b) {@code POST /api/v1/events} with an API key: one EventBridge event each. */
	private Rows webhook() throws Exception {
		var database = TestDatabases.fresh();
		try (var server = start(database, WebApplicationType.SERVLET, Map.of(), context -> {
		})) {
			String key = token(server);
			post(server, "/api/v1/events", "X-Api-Key", key, EventsApiFixtures.envelope("event-1", first), 200);
			post(server, "/api/v1/events", "X-Api-Key", key, EventsApiFixtures.envelope("event-2", second), 200);
		}
		return Rows.of(database);
	}

	/** (c) The SQS queue: one EventBridge event per message, as an SQS target gets it. */
	private Rows queue() {
		String url = sqs.create("same-rows");
		var database = TestDatabases.fresh();
		try (var server = start(database, WebApplicationType.SERVLET,
				Map.of("soc2ops.aws.enabled", "true", "soc2ops.aws.regions", REGION, "soc2ops.aws.endpoint",
						sqs.endpoint().toString(), "soc2ops.aws.queue.url", url),
				context -> context.getBeanFactory()
					.registerSingleton("awsCredentials", (AwsCredentialsProvider) LocalQueue.credentials()))) {
			var queue = server.getBean(EventQueue.class);
			sqs.send(url, EventsApiFixtures.envelope("event-1", first));
			LocalQueue.await("the first event stored", Duration.ofSeconds(30), () -> queue.status().stored() == 1);
			sqs.send(url, EventsApiFixtures.envelope("event-2", second));
			LocalQueue.await("the second event stored", Duration.ofSeconds(30), () -> queue.status().stored() == 2);
		}
		return Rows.of(database);
	}

	/** (d) {@code soc2ops import findings FILE}: an array, then one finding per line. */
	private Rows file() throws Exception {
		var database = TestDatabases.fresh();
		Path one = Files.writeString(directory.resolve("first.json"), "[" + String.join(",", first) + "]");
		Path two = Files.writeString(directory.resolve("second.ndjson"),
				String.join("\n", second.stream().map(f -> f.replace("\n", "")).toList()));
		for (Path file : List.of(one, two)) {
			var arguments = new ArrayList<>(List.of("import", "findings", file.toString(), "--no-progress"));
			database.forEach((key, value) -> arguments.add("--" + key + "=" + value));
			var out = new StringWriter();
			var cli = Soc2opsCommand.commandLine(Soc2opsApplication.class);
			cli.setOut(new PrintWriter(out));
			assertThat(cli.execute(arguments.toArray(String[]::new))).as(out.toString()).isZero();
		}
		return Rows.of(database);
	}

	private static ConfigurableApplicationContext start(Map<String, Object> database, WebApplicationType type,
			Map<String, String> settings, Consumer<ConfigurableApplicationContext> initializer) {
		var arguments = new ArrayList<String>();
		database.forEach((key, value) -> arguments.add("--" + key + "=" + value));
		settings.forEach((key, value) -> arguments.add("--" + key + "=" + value));
		arguments.add("--server.port=0");
		return new SpringApplicationBuilder(Soc2opsApplication.class).web(type)
			.initializers(initializer::accept)
			.run(arguments.toArray(String[]::new));
	}

	private static String token(ConfigurableApplicationContext server) {
		var username = Username.of("channel-operator");
		server.getBean(Users.class)
			.create(username, "Channel operator", Set.of(Role.OPERATOR), "a-long-enough-password",
					Actor.system("test"));
		return server.getBean(ApiTokens.class).issue(username, "channels", Actor.system("test")).secret();
	}

	private static void post(ConfigurableApplicationContext server, String path, String header, String value,
			String body, int status) throws Exception {
		String port = server.getEnvironment().getProperty("local.server.port");
		try (var http = HttpClient.newHttpClient()) {
			var response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
				.header(header, value)
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(body))
				.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		}
	}

	/** The stored rows without soc2ops's own columns, ordered by key. */
	record Rows(List<Map<String, Object>> findings, List<Map<String, Object>> history) {

		static Rows of(Map<String, Object> database) {
			var jdbc = JdbcClient.create(TestDatabases.dataSource(database));
			return new Rows(rows(jdbc, "SELECT * FROM finding ORDER BY finding_key"),
					rows(jdbc, "SELECT * FROM finding_history ORDER BY finding_key, updated_at, id"));
		}

		private static List<Map<String, Object>> rows(JdbcClient jdbc, String sql) {
			return jdbc.sql(sql).query().listOfRows().stream().map(Rows::comparable).toList();
		}

		private static Map<String, Object> comparable(Map<String, Object> row) {
			var result = new TreeMap<String, Object>();
			row.forEach((column, value) -> {
				String name = column.toLowerCase(java.util.Locale.ROOT);
				if (!SOC2OPS_SIDE.contains(name)) {
					result.put(name, switch (value) {
						case OffsetDateTime time -> time.toInstant();
						case Timestamp time -> time.toInstant();
						case null -> "(null)";
						default -> value;
					});
				}
			});
			return result;
		}

	}

}
