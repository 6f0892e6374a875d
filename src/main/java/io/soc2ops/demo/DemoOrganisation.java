package io.soc2ops.demo;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
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
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Loads the demo company through the module APIs, in one transaction: all of it or none.
 * Its Security Hub findings go through the same intake as findings from AWS.
 */
@Component
@ConditionalOnBooleanProperty("soc2ops.demo.enabled")
@EnableConfigurationProperties(DemoSettings.class)
class DemoOrganisation implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoOrganisation.class);

	private static final Actor LOADER = Actor.system("demo");

	private static final Pattern DAYS_AGO = Pattern.compile("\\{\\{daysAgo:([0-9]{1,4})\\}\\}");

	private final DemoSettings settings;

	private final ResourceLoader resources;

	private final AwsAccounts accounts;

	private final ControlTests tests;

	private final FindingsIntake findings;

	private final TransactionTemplate transaction;

	private final Clock clock;

	DemoOrganisation(DemoSettings settings, ResourceLoader resources, AwsAccounts accounts, ControlTests tests,
			FindingsIntake findings, TransactionTemplate transaction, Clock clock) {
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
		var imported = transaction.execute(status -> {
			load(data);
			return findings.accept(findingsJson, IntakeChannel.DEMO, settings.findingsLocation(), LOADER);
		});
		log.info("Demo organisation '{}' loaded: {} accounts, {} control tests, {} findings", data.company(),
				data.accounts().size(), data.controlTests().size(), imported == null ? 0 : imported.received());
	}

	/** Puts real timestamps where the demo file says {@code {{daysAgo:N}}}. */
	private String withDates(String json) {
		var now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
		return DAYS_AGO.matcher(json)
			.replaceAll(match -> now.minus(Long.parseLong(match.group(1)), ChronoUnit.DAYS).toString());
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
