package io.soc2ops.demo;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import io.soc2ops.aws.AccountId;
import io.soc2ops.aws.AwsAccount;
import io.soc2ops.aws.AwsAccounts;
import io.soc2ops.aws.Environment;
import io.soc2ops.aws.Region;
import io.soc2ops.catalog.ControlTests;
import io.soc2ops.catalog.TestOutcome;
import io.soc2ops.evidence.Actor;
import io.soc2ops.findings.FindingsIntake;
import io.soc2ops.findings.IntakeChannel;
import io.soc2ops.findings.PostureSnapshots;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;

/**
 * Loads the demo company through the module APIs, in one transaction: all of it or none.
 * Its Security Hub findings go through the same intake as findings from AWS, earlier
 * versions first, and its 90 days of posture snapshots are drawn from their dates and
 * marked as demo data.
 */
@Component
@Order(1)
@ConditionalOnBooleanProperty("soc2ops.demo.enabled")
@EnableConfigurationProperties(DemoSettings.class)
class DemoOrganisation implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoOrganisation.class);

	private static final Actor LOADER = Actor.system("demo");

	/** Days of posture history the demo shows, today included. */
	static final int HISTORY_DAYS = 90;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Pattern AGO = Pattern.compile("\\{\\{(daysAgo|hoursAgo):([0-9]{1,5})\\}\\}");

	private final DemoSettings settings;

	private final ResourceLoader resources;

	private final AwsAccounts accounts;

	private final ControlTests tests;

	private final FindingsIntake findings;

	private final PostureSnapshots snapshots;

	private final TransactionTemplate transaction;

	private final Clock clock;

	DemoOrganisation(DemoSettings settings, ResourceLoader resources, AwsAccounts accounts, ControlTests tests,
			FindingsIntake findings, PostureSnapshots snapshots, TransactionTemplate transaction, Clock clock) {
		this.snapshots = snapshots;
		this.settings = settings;
		this.resources = resources;
		this.accounts = accounts;
		this.tests = tests;
		this.findings = findings;
		this.transaction = transaction;
		this.clock = clock;
	}

	@Override
	public void run(ApplicationArguments args) throws Exception {
		if (!accounts.all().isEmpty()) {
			log.info("Demo organisation: accounts already in scope, nothing loaded");
			return;
		}
		DemoData data;
		try (var in = resources.getResource(settings.location()).getInputStream()) {
			data = JsonMapper.builder()
				.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
				.build()
				.readValue(in, DemoData.class);
		}
		String findingsJson = withDates(
				resources.getResource(settings.findingsLocation()).getContentAsString(StandardCharsets.UTF_8));
		String historyJson = withDates(
				resources.getResource(settings.findingsHistoryLocation()).getContentAsString(StandardCharsets.UTF_8));
		var imported = transaction.execute(status -> {
			load(data);
			for (String versions : oldestFirst(historyJson)) {
				findings.accept(versions, IntakeChannel.DEMO, settings.findingsHistoryLocation(), LOADER);
			}
			var current = findings.accept(findingsJson, IntakeChannel.DEMO, settings.findingsLocation(), LOADER);
			takeSnapshots();
			return current;
		});
		log.info("Demo organisation '{}' loaded: {} accounts, {} control tests, {} findings, {} days of posture",
				data.company(), data.accounts().size(), data.controlTests().size(),
				imported == null ? 0 : imported.received(), HISTORY_DAYS);
	}

	/**
	 * The earlier versions in one batch per UpdatedAt, oldest first: the intake keeps
	 * only the newest of one finding's versions within a batch.
	 */
	private static List<String> oldestFirst(String json) {
		var byTime = new TreeMap<Instant, ArrayNode>();
		for (JsonNode finding : JSON.readTree(json)) {
			byTime.computeIfAbsent(Instant.parse(finding.path("UpdatedAt").asString()), t -> JSON.createArrayNode())
				.add(finding);
		}
		return byTime.values().stream().map(JSON::writeValueAsString).toList();
	}

	/**
	 * Posture snapshots for the past {@value #HISTORY_DAYS} days, drawn from the demo
	 * findings' own dates and marked as demo data, and today's, taken as any day's is.
	 */
	private void takeSnapshots() {
		var today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
		for (int daysAgo = HISTORY_DAYS - 1; daysAgo > 0; daysAgo--) {
			snapshots.takeForDemo(today.minusDays(daysAgo), LOADER);
		}
		snapshots.take(today);
	}

	private String withDates(String json) {
		return withDates(json, clock.instant());
	}

	/**
	 * Puts real timestamps where the demo file says {@code {{daysAgo:N}}} or
	 * {@code {{hoursAgo:N}}}.
	 */
	static String withDates(String json, Instant at) {
		var now = at.truncatedTo(ChronoUnit.SECONDS);
		return AGO.matcher(json)
			.replaceAll(match -> now
				.minus(Long.parseLong(match.group(2)),
						"daysAgo".equals(match.group(1)) ? ChronoUnit.DAYS : ChronoUnit.HOURS)
				.toString());
	}

	private void load(DemoData data) {
		for (var account : data.accounts()) {
			accounts.register(new AwsAccount(new AccountId(account.id()), account.name(),
					Environment.valueOf(account.environment()), account.regions().stream().map(Region::new).toList()),
					LOADER);
		}
		var today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
		for (var test : data.controlTests()) {
			tests.record(test.control(), TestOutcome.valueOf(test.outcome().toUpperCase(Locale.ROOT)),
					today.minusDays(test.daysAgo()), test.note(), Actor.user(test.by()));
		}
	}

}
