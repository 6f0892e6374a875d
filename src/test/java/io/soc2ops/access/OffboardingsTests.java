package io.soc2ops.access;

import static io.soc2ops.access.CredentialReportFixtures.HEADER;
import static io.soc2ops.access.CredentialReportFixtures.bytes;
import static io.soc2ops.access.CredentialReportFixtures.key;
import static io.soc2ops.access.CredentialReportFixtures.lines;
import static io.soc2ops.access.CredentialReportFixtures.root;
import static io.soc2ops.access.CredentialReportFixtures.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.soc2ops.MovableClock;
import io.soc2ops.evidence.Actor;
import io.soc2ops.evidence.EvidenceLedger;
import io.soc2ops.identity.Role;
import io.soc2ops.identity.Username;
import io.soc2ops.identity.Users;

/**
 * An offboarding opens a removal for everything the person holds (and what is added by
 * hand), and measures the time from the end of the leaving day (Asia/Tokyo) to the last
 * removal against one business day; starting and completing are in the ledger.
 */
@SpringBootTest(properties = "soc2ops.test.context=access-credreport")
@Import(MovableClock.Configuration.class)
class OffboardingsTests {

	/** Friday 2026-10-02; its end in Tokyo is 2026-10-02T15:00Z. */
	static final LocalDate FRIDAY = LocalDate.of(2026, 10, 2);

	static final Instant FRIDAY_END = Instant.parse("2026-10-02T15:00:00Z");

	/** The end of Monday 2026-10-05 in Tokyo: one business day after Friday. */
	static final Instant DUE = Instant.parse("2026-10-05T15:00:00Z");

	static final Actor OPERATOR = Actor.user("olga");

	static final AtomicInteger PEOPLE = new AtomicInteger();

	@Autowired
	Offboardings offboardings;

	@Autowired
	AccessPeople people;

	@Autowired
	CredentialReports reports;

	@Autowired
	AccessRemovals removals;

	@Autowired
	Users users;

	@Autowired
	EvidenceLedger ledger;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MovableClock clock;

	@BeforeEach
	void operatorAndEngineer() {
		for (var user : java.util.Map.of("olga", Role.OPERATOR, "erin", Role.ENGINEER, "mika", Role.APPROVER)
			.entrySet()) {
			if (users.find(Username.of(user.getKey())).isEmpty()) {
				users.create(Username.of(user.getKey()), user.getKey(), Set.of(user.getValue()), "a-long-password-1",
						Actor.system("test"));
			}
		}
	}

	@Test
	void everythingHeldIsRemovedAndTheLastRemovalWithinOneBusinessDayCompletesItInTime() {
		clock.set("2026-10-01T01:00:00Z");
		var hana = person("hana");
		String account = CredentialReportsTests.account();
		assignment(account, hana, "AdministratorAccess", "");
		assignment(account, hana, "ReadOnly", "Developers");
		reports.store(account,
				bytes(lines(HEADER, root(account, "no_information"),
						user(account, "hana-s", "true", "2026-09-30T00:00:00+00:00", "true", noKey()))),
				Instant.parse("2026-10-01T00:00:00Z"), "collector", Actor.system("collector"));

		var started = offboardings.start(hana, FRIDAY, OPERATOR);

		assertThat(started.state()).isEqualTo(OffboardingState.OPEN);
		assertThat(started.dueAt()).isEqualTo(DUE);
		assertThat(started.removals()).extracting(Removal::entitlement, Removal::via)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("AdministratorAccess", ""),
					org.assertj.core.groups.Tuple.tuple("ReadOnly", "Developers"));
		assertThat(started.removals()).allSatisfy(r -> {
			assertThat(r.reason()).isEqualTo(RemovalReason.OFFBOARDING);
			assertThat(r.cause()).isEqualTo("offboarding:" + started.id());
			assertThat(r.dueAt()).isEqualTo(DUE);
		});
		assertThat(people.find(hana).orElseThrow().leftOn()).contains(FRIDAY);

		var iamUser = offboardings.holdings("hana-s", 10);
		assertThat(iamUser).singleElement().satisfies(h -> assertThat(h.kind()).isEqualTo(HoldingKind.IAM_USER));
		var added = offboardings.add(started.id(), iamUser.getFirst().id(), OPERATOR);
		assertThat(added.removals()).hasSize(3);

		clock.set("2026-10-03T02:00:00Z");
		offboardings.confirm(started.id(), added.removals().get(0).id(), "removed in Identity Center", OPERATOR);
		offboardings.confirm(started.id(), added.removals().get(1).id(), "", OPERATOR);
		assertThat(offboardings.find(started.id()).orElseThrow().state()).isEqualTo(OffboardingState.OPEN);
		clock.set("2026-10-05T09:00:00Z");
		var done = offboardings.confirm(started.id(), added.removals().get(2).id(), "IAM user deleted", OPERATOR);

		assertThat(done.state()).isEqualTo(OffboardingState.COMPLETED_IN_TIME);
		assertThat(done.completedAt()).contains(Instant.parse("2026-10-05T09:00:00Z"));
		assertThat(done.took()).contains(Duration.between(FRIDAY_END, Instant.parse("2026-10-05T09:00:00Z")));
		assertThat(done.businessDaysTaken()).contains(1);
		assertThat(ledger.about("offboarding:" + started.id(), 10)).extracting(e -> e.action())
			.containsExactlyInAnyOrder("access.offboarding-started", "access.offboarding-holding-added",
					"access.offboarding-completed");
	}

	@Test
	void anOffboardingNotDoneByTheTargetIsOverdueAndThenLate() {
		clock.set("2026-10-02T01:00:00Z");
		var taro = person("taro");
		String account = CredentialReportsTests.account();
		assignment(account, taro, "PowerUser", "");
		var started = offboardings.start(taro, FRIDAY, OPERATOR);

		clock.set(DUE.plusSeconds(1));
		assertThat(offboardings.find(started.id()).orElseThrow().state()).isEqualTo(OffboardingState.OVERDUE);
		clock.set("2026-10-07T01:00:00Z");
		var done = offboardings.confirm(started.id(), started.removals().getFirst().id(), "", OPERATOR);

		assertThat(done.state()).isEqualTo(OffboardingState.COMPLETED_LATE);
		assertThat(done.businessDaysTaken()).contains(3);
		assertThat(ledger.about("offboarding:" + started.id(), 10)).anySatisfy(e -> {
			assertThat(e.action()).isEqualTo("access.offboarding-completed");
			assertThat(e.payload()).contains("\"state\":\"COMPLETED_LATE\"", "\"businessDaysTaken\":3");
		});
	}

	@Test
	void aRemovalSeenGoneByTheNextCredentialReportCompletesTheOffboarding() {
		clock.set("2026-10-02T01:00:00Z");
		String account = CredentialReportsTests.account();
		String name = "kenji" + PEOPLE.incrementAndGet();
		reports.store(account,
				bytes(lines(HEADER, root(account, "no_information"),
						user(account, name, "true", "2026-10-01T00:00:00+00:00", "true", noKey()))),
				Instant.parse("2026-10-02T00:00:00Z"), "collector", Actor.system("collector"));
		var started = offboardings.start(new PersonKey(name), FRIDAY, OPERATOR);
		assertThat(started.removals()).singleElement()
			.satisfies(r -> assertThat(r.kind()).isEqualTo(HoldingKind.IAM_USER));

		clock.set("2026-10-02T06:00:00Z");
		reports.store(account,
				bytes(lines(HEADER, root(account, "no_information"),
						user(account, name, "false", "N/A", "false", noKey()))),
				Instant.parse("2026-10-02T05:00:00Z"), "collector", Actor.system("collector"));

		await().atMost(Duration.ofSeconds(20))
			.until(() -> offboardings.find(started.id()).orElseThrow().completedAt().isPresent());
		var done = offboardings.find(started.id()).orElseThrow();
		assertThat(done.completedAt()).contains(Instant.parse("2026-10-02T05:00:00Z"));
		assertThat(done.state()).isEqualTo(OffboardingState.COMPLETED_IN_TIME);
		assertThat(done.took()).hasValueSatisfying(took -> assertThat(took).isNegative());
		assertThat(done.businessDaysTaken()).contains(0);
	}

	@Test
	void somebodyHoldingNothingIsOffboardedAtOnce() {
		clock.set("2026-10-02T01:00:00Z");
		var started = offboardings.start(person("nobody"), FRIDAY, OPERATOR);

		assertThat(started.removals()).isEmpty();
		assertThat(started.state()).isEqualTo(OffboardingState.COMPLETED_IN_TIME);
	}

	@Test
	void refusalsNameWhyAndChangeNothing() {
		clock.set("2026-10-02T01:00:00Z");
		var yuki = person("yuki");
		assignment(CredentialReportsTests.account(), yuki, "ReadOnly", "");
		int before = offboardings.list(1000).size();

		assertThatThrownBy(() -> offboardings.start(new PersonKey("nobody-known@example.com"), FRIDAY, OPERATOR))
			.isInstanceOf(AccessRefused.class)
			.hasMessage("person nobody-known@example.com is not known")
			.extracting(ex -> ((AccessRefused) ex).reason())
			.isEqualTo(AccessRefused.Reason.NOT_FOUND);
		assertThatThrownBy(() -> offboardings.start(yuki, FRIDAY, Actor.user("erin")))
			.hasMessage("erin may not run offboardings");
		assertThatThrownBy(() -> offboardings.start(yuki, FRIDAY.plusYears(2), OPERATOR))
			.hasMessageStartingWith("leftOn: 2028-10-02 is more than a year from today");
		assertThat(offboardings.list(1000)).hasSize(before);
		assertThat(people.find(yuki).orElseThrow().leftOn()).isEmpty();

		var started = offboardings.start(yuki, FRIDAY, OPERATOR);
		assertThatThrownBy(() -> offboardings.start(yuki, FRIDAY, OPERATOR))
			.hasMessage("person " + yuki + " has offboarding " + started.id() + " under way already");
		assertThatThrownBy(() -> offboardings.confirm(started.id(), 987_654_321L, "", OPERATOR))
			.hasMessage("offboarding " + started.id() + " has no removal 987654321");
		assertThatThrownBy(() -> offboardings.add(started.id(), 987_654_321L, OPERATOR))
			.hasMessage("holding 987654321 does not exist or is gone");
	}

	@Test
	void thePeopleDirectoryTakesAManagerAndUserThatExistAndRecordsTheChange() {
		clock.set("2026-10-02T01:00:00Z");
		var aoi = person("aoi");

		var changed = people.change(aoi, new PersonChange(java.util.Optional.of("mika"), java.util.Optional.of("olga"),
				java.util.Optional.of(FRIDAY)), OPERATOR);

		assertThat(changed.manager()).contains("mika");
		assertThat(changed.soc2opsUser()).contains("olga");
		assertThat(changed.leftOn()).contains(FRIDAY);
		assertThat(ledger.about("access-person:" + aoi, 5)).singleElement()
			.satisfies(e -> assertThat(e.payload()).contains("\"manager\":\"mika\""));
		assertThat(people.list(aoi.value().substring(0, 6), 10)).extracting(AccessPerson::person).contains(aoi);

		var none = new PersonChange(java.util.Optional.of("ghost"), java.util.Optional.empty(),
				java.util.Optional.empty());
		assertThatThrownBy(() -> people.change(aoi, none, OPERATOR))
			.hasMessage("manager: there is no soc2ops user 'ghost'");
		assertThatThrownBy(() -> people.change(aoi, none, Actor.user("erin")))
			.hasMessage("erin may not change the people directory");
		assertThatThrownBy(() -> people.change(new PersonKey("unknown-person"), none, OPERATOR))
			.hasMessage("person unknown-person is not known");
		assertThat(people.find(aoi).orElseThrow().manager()).contains("mika");
	}

	private PersonKey person(String name) {
		var key = new PersonKey(name + PEOPLE.incrementAndGet() + "@example.com");
		people.ensure(key, name, clock.instant());
		return key;
	}

	private void assignment(String account, PersonKey person, String permissionSet, String via) {
		jdbc.sql("INSERT INTO access_holding (kind, account_id, person, principal, entitlement, entitlement_ref, via,"
				+ " first_seen) VALUES ('ASSIGNMENT', :account, :person, :person, :set, :ref, :via, :seen)")
			.param("account", account)
			.param("person", person.value())
			.param("set", permissionSet)
			.param("ref", "arn:aws:sso:::permissionSet/ssoins-1/ps-" + permissionSet)
			.param("via", via)
			.param("seen", OffsetDateTime.ofInstant(clock.instant().minus(Duration.ofDays(30)), ZoneOffset.UTC))
			.update();
	}

	private static String noKey() {
		return key("false", "N/A", "N/A", "N/A", "N/A");
	}

}
