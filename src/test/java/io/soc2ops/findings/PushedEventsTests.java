package io.soc2ops.findings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.soc2ops.evidence.Actor;
import io.soc2ops.evidence.EvidenceEntry;
import io.soc2ops.evidence.EvidenceLedger;
import io.soc2ops.web.EventsApiFixtures;

/**
 * Events pushed one per request are stored together when they arrive together, and each
 * sender still gets its own answer: its own counts, its own refusal, and a ledger entry
 * that lists its request's digest.
 */
@SpringBootTest
class PushedEventsTests {

	static final String ENVELOPE = """
			{"version":"0","id":"%s","detail-type":"Security Hub Findings - Imported","source":"aws.securityhub",
			 "account":"444455556666","time":"2026-11-20T03:15:00Z","region":"ap-northeast-1","resources":[],
			 "detail":{"findings":[%s]}}
			""";

	/**
	 * While set, the first event each committer stores holds it up for a second, so that
	 * the other requests queue up behind them.
	 */
	static final AtomicBoolean HOLD = new AtomicBoolean();

	static final AtomicInteger HELD = new AtomicInteger();

	@Autowired
	PushedEvents events;

	@Autowired
	EvidenceLedger ledger;

	@Autowired
	JdbcClient jdbc;

	@Test
	void eventsArrivingTogetherAreStoredTogetherEachWithItsOwnResultAndDigestInTheLedger() throws Exception {
		HELD.set(0);
		HOLD.set(true);
		long before = ledger.size();
		var bodies = new ArrayList<String>();
		for (int i = 0; i < 40; i++) {
			bodies.add(event("together-" + i));
		}

		var results = send(bodies, i -> Actor.user(i % 2 == 0 ? "eventbridge-a" : "eventbridge-b"));
		HOLD.set(false);

		assertThat(results).allSatisfy(result -> {
			assertThat(result.received()).isEqualTo(1);
			assertThat(result.inserted()).isEqualTo(1);
		});
		var entries = ledger.page(Long.MAX_VALUE, 500)
			.stream()
			.filter(e -> e.sequence() > before && e.action().equals("findings.imported"))
			.toList();
		// each committer's first batch, then what queued behind them in at most one batch
		// per committer: one entry per sender in each
		assertThat(entries).as("40 requests, stored in a few transactions")
			.hasSizeLessThanOrEqualTo(PushedEvents.COMMITTERS * 4);
		Map<String, EvidenceEntry> entryOfDigest = new HashMap<>();
		for (var entry : entries) {
			digests(entry).forEach(digest -> assertThat(entryOfDigest.put(digest, entry)).isNull());
		}
		for (int i = 0; i < bodies.size(); i++) {
			var entry = entryOfDigest.get(results.get(i).digest());
			assertThat(entry.actor()).isEqualTo(Actor.user(i % 2 == 0 ? "eventbridge-a" : "eventbridge-b"));
			assertThat(entry.sequence()).isEqualTo(results.get(i).ledgerSequence());
		}
		assertThat(findings("together-%")).isEqualTo(40);
	}

	@Test
	void aRequestThatFailsWhileStoringFailsAloneAndTheOthersAreStored() throws Exception {
		var bodies = new ArrayList<String>();
		for (int i = 0; i < 20; i++) {
			bodies.add(event(i == 7 ? "poison-7" : "healthy-" + i));
		}
		var pool = Executors.newVirtualThreadPerTaskExecutor();
		var futures = bodies.stream().map(body -> pool.submit(() -> accept(body, Actor.user("eventbridge")))).toList();

		for (int i = 0; i < futures.size(); i++) {
			if (i == 7) {
				var failed = futures.get(i);
				assertThatThrownBy(failed::get).hasRootCauseMessage("a listener refused poison-7");
			}
			else {
				assertThat(futures.get(i).get().inserted()).isEqualTo(1);
			}
		}
		assertThat(findings("healthy-%")).isEqualTo(19);
		assertThat(findings("poison-%")).isZero();
	}

	@Test
	void aRefusedRequestIsRefusedBeforeItIsQueuedNamingTheField() {
		String body = event("broken").replace("\"AwsAccountId\":\"444455556666\"", "\"AwsAccountId\":\"12\"");

		assertThatThrownBy(() -> accept(body, Actor.user("eventbridge"))).isInstanceOf(FindingRejected.class)
			.hasMessageContaining("AwsAccountId");
		assertThat(findings("broken")).isZero();
	}

	private List<IntakeResult> send(List<String> bodies, Function<Integer, Actor> sender) throws Exception {
		try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
			var futures = new ArrayList<Future<IntakeResult>>();
			for (int i = 0; i < bodies.size(); i++) {
				int n = i;
				futures.add(pool.submit(() -> accept(bodies.get(n), sender.apply(n))));
			}
			var results = new ArrayList<IntakeResult>();
			for (var future : futures) {
				results.add(future.get());
			}
			return results;
		}
	}

	private IntakeResult accept(String body, Actor by) {
		return events.accept(body.getBytes(StandardCharsets.UTF_8), IntakeChannel.WEBHOOK, "eventbridge", by);
	}

	@SuppressWarnings("unchecked")
	private static List<String> digests(EvidenceEntry entry) {
		var payload = tools.jackson.databind.json.JsonMapper.builder().build().readValue(entry.payload(), Map.class);
		return (List<String>) payload.get("sha256");
	}

	private static String event(String findingId) {
		return ENVELOPE.formatted("event-" + findingId,
				EventsApiFixtures.guardDuty(findingId, "2026-11-20T03:14:00.000Z"));
	}

	private long findings(String idLike) {
		return jdbc.sql("SELECT COUNT(*) FROM finding WHERE finding_id LIKE :id")
			.param("id", "arn:aws:guardduty:ap-northeast-1:444455556666:detector/abc/finding/" + idLike)
			.query(Long.class)
			.single();
	}

	@TestConfiguration
	static class Listeners {

		/**
		 * Refuses "poison" findings; the first event after SLOW_FIRST is set waits a
		 * second.
		 */
		@Bean
		FindingEvents pickyListener() {
			return events -> events.forEach(event -> {
				if (HOLD.get() && HELD.incrementAndGet() <= PushedEvents.COMMITTERS) {
					try {
						Thread.sleep(1000);
					}
					catch (InterruptedException ex) {
						Thread.currentThread().interrupt();
					}
				}
				String id = event.findings().getFirst().key().id();
				if (id.contains("poison")) {
					throw new IllegalStateException("a listener refused " + id.substring(id.lastIndexOf('/') + 1));
				}
			});
		}

	}

}
