package io.soc2ops.findings;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.soc2ops.evidence.Actor;
import io.soc2ops.evidence.EvidenceLedger;
import io.soc2ops.evidence.EvidenceRecord;
import tools.jackson.databind.JsonNode;

/**
 * The one way findings come in, whatever the channel: read, normalise, upsert, and record
 * the batch (count, channel, digest) in the ledger. A batch is stored whole or not at
 * all.
 */
@Service
public class FindingsIntake {

	static final int CHUNK = 500;

	private static final int ATTEMPTS = 3;

	private final FindingNormaliser normaliser;

	private final FindingStore store;

	private final EvidenceLedger ledger;

	private final Clock clock;

	private final ObjectProvider<FindingEvents> events;

	private final ObjectProvider<FindingsStored> storedListeners;

	FindingsIntake(FindingNormaliser normaliser, FindingStore store, EvidenceLedger ledger, Clock clock,
			ObjectProvider<FindingEvents> events, ObjectProvider<FindingsStored> storedListeners) {
		this.normaliser = normaliser;
		this.store = store;
		this.ledger = ledger;
		this.clock = clock;
		this.events = events;
		this.storedListeners = storedListeners;
	}

	/**
	 * Takes findings in any supported shape from a stream.
	 * @param origin where they came from, for the ledger (file name, queue URL, account)
	 * @throws FindingRejected naming the record and field when any finding is not
	 * acceptable; then nothing of the input is stored
	 */
	@Transactional
	public IntakeResult accept(InputStream input, IntakeChannel channel, String origin, Actor by,
			ImportProgress progress) {
		var digest = sha256();
		var counting = new Counting(new DigestInputStream(input, digest));
		var listeners = events.orderedStream().toList();
		var batch = new Batch(channel, listeners);
		try (var reading = new ReadAhead<Normalised>("findings-reader", CHUNK,
				sink -> read(counting, listeners.isEmpty() ? null : channel, sink))) {
			ReadAhead.Items<Normalised> items;
			long reported = 0;
			while (!(items = reading.next()).isEnd()) {
				// told a chunk late, so that the last report is the whole input
				if (reported > 0) {
					progress.advanced(reported, batch.received);
				}
				items.items().forEach(batch::add);
				batch.flush();
				reported = items.position();
			}
		}
		progress.advanced(counting.count, batch.received);
		String hex = HexFormat.of().formatHex(digest.digest());
		var entry = ledger.record(new EvidenceRecord("findings.imported", by, "findings", "findings:" + channel.name(),
				LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC),
				Map.of("channel", channel.name(), "origin", origin, "received", batch.received, "inserted",
						batch.inserted, "updated", batch.updated, "unchanged", batch.unchanged, "sha256", hex)));
		return new IntakeResult(batch.received, batch.inserted, batch.updated, batch.unchanged, hex, entry.sequence());
	}

	/**
	 * Reads and normalises findings (on the read-ahead thread).
	 * @param channel where events are listened to, their channel; otherwise null and no
	 * envelope is kept
	 */
	private void read(Counting input, @Nullable IntakeChannel channel, ReadAhead.Sink<Normalised> sink) {
		var sha = sha256();
		var ofEvent = new ArrayList<Finding>();
		FindingStream.read(input, incoming -> {
			byte[] raw = CanonicalAsff.bytes(incoming.finding());
			String rawSha256 = HexFormat.of().formatHex(sha.digest(raw));
			Finding finding;
			try {
				finding = normaliser.normalise(incoming.finding(), new String(raw, StandardCharsets.UTF_8));
			}
			catch (AsffNormaliser.IllegalFinding ex) {
				throw FindingRejected.at(incoming.record(), incoming.line(), ex.field(), ex.problem());
			}
			sink.accept(Normalised.of(finding, rawSha256, completed(incoming, finding, channel, ofEvent)), input.count);
		});
	}

	/** The event this finding is the last of, with all its findings; null otherwise. */
	private static @Nullable ReceivedEvent completed(FindingStream.Incoming incoming, Finding finding,
			@Nullable IntakeChannel channel, List<Finding> ofEvent) {
		JsonNode envelope = incoming.envelope();
		if (channel == null || envelope == null) {
			return null;
		}
		ofEvent.add(finding);
		if (ofEvent.size() < envelope.path("detail").path("findings").size()) {
			return null;
		}
		var event = new ReceivedEvent(envelope.path("id").asString(""), channel, envelope, ofEvent);
		ofEvent.clear();
		return event;
	}

	/**
	 * Reads and normalises one request's findings on the caller's thread, storing
	 * nothing: {@link #storeTogether} stores several such requests in one transaction.
	 * @throws FindingRejected naming the record and field
	 */
	Parsed parse(byte[] body, IntakeChannel channel, String origin, Actor by) {
		var items = new ArrayList<Normalised>();
		boolean listened = events.orderedStream().findAny().isPresent();
		read(new Counting(new ByteArrayInputStream(body)), listened ? channel : null,
				(item, position) -> items.add(item));
		return new Parsed(items, HexFormat.of().formatHex(sha256().digest(body)), channel, origin, by);
	}

	/**
	 * Stores requests {@link #parse parsed} on their senders' threads in one transaction:
	 * their findings upserted together, each event's listeners told, and one ledger entry
	 * per sender and origin listing each request's digest.
	 * @param requests all of one channel
	 * @return each request's result, in order
	 */
	@Transactional
	List<IntakeResult> storeTogether(List<Parsed> requests) {
		var channel = requests.getFirst().channel();
		var batch = new Batch(channel, events.orderedStream().toList());
		batch.fates = new IdentityHashMap<>();
		for (var request : requests) {
			if (request.channel() != channel) {
				throw new IllegalArgumentException("requests of one channel only");
			}
			request.findings().forEach(batch::add);
		}
		batch.flush();
		var results = new IntakeResult[requests.size()];
		var groups = new LinkedHashMap<List<String>, List<Integer>>();
		for (int i = 0; i < requests.size(); i++) {
			var request = requests.get(i);
			groups.computeIfAbsent(List.of(request.origin(), request.by().toString()), k -> new ArrayList<>()).add(i);
		}
		for (var group : groups.values()) {
			var first = requests.get(group.getFirst());
			var counts = group.stream().map(i -> requests.get(i).result(batch.fates, 0)).toList();
			var entry = ledger.record(new EvidenceRecord("findings.imported", first.by(), "findings",
					"findings:" + channel.name(), LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC),
					Map.of("channel", channel.name(), "origin", first.origin(), "requests", group.size(), "received",
							sum(counts, IntakeResult::received), "inserted", sum(counts, IntakeResult::inserted),
							"updated", sum(counts, IntakeResult::updated), "unchanged",
							sum(counts, IntakeResult::unchanged), "sha256",
							group.stream().map(i -> requests.get(i).digest()).toList())));
			for (int i : group) {
				results[i] = requests.get(i).result(batch.fates, entry.sequence());
			}
		}
		return List.of(results);
	}

	private static long sum(List<IntakeResult> results, java.util.function.ToLongFunction<IntakeResult> count) {
		return results.stream().mapToLong(count).sum();
	}

	/** One request's findings, normalised and not yet stored. */
	record Parsed(List<Normalised> findings, String digest, IntakeChannel channel, String origin, Actor by) {

		Parsed {
			findings = List.copyOf(findings);
		}

		IntakeResult result(Map<Normalised, Fate> fates, long ledgerSequence) {
			var counts = new EnumMap<Fate, Long>(Fate.class);
			findings.forEach(f -> counts.merge(fates.getOrDefault(f, Fate.UNCHANGED), 1L, Long::sum));
			return new IntakeResult(findings.size(), counts.getOrDefault(Fate.INSERTED, 0L),
					counts.getOrDefault(Fate.UPDATED, 0L), counts.getOrDefault(Fate.UNCHANGED, 0L), digest,
					ledgerSequence);
		}

	}

	/** What storing did to one finding of a request. */
	enum Fate {

		INSERTED, UPDATED, UNCHANGED

	}

	/** Takes findings in any supported shape from a string, such as one event. */
	@Transactional
	public IntakeResult accept(String json, IntakeChannel channel, String origin, Actor by) {
		return accept(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), channel, origin, by,
				ImportProgress.NONE);
	}

	private static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("every JVM ships SHA-256", ex);
		}
	}

	/** Upserts chunks of findings and counts what happened to them. */
	private final class Batch {

		private final IntakeChannel channel;

		private final Map<String, Normalised> chunk = new LinkedHashMap<>();

		private final List<FindingEvents> listeners;

		/** Events whose last finding is in this chunk: told once it is stored. */
		private final List<ReceivedEvent> completed = new ArrayList<>();

		long received;

		long inserted;

		long updated;

		long unchanged;

		/** When set, what became of each finding kept, for results per request. */
		@Nullable Map<Normalised, Fate> fates;

		Batch(IntakeChannel channel, List<FindingEvents> listeners) {
			this.channel = channel;
			this.listeners = listeners;
		}

		void add(Normalised finding) {
			received++;
			var event = finding.event();
			if (event != null) {
				completed.add(event);
			}
			var earlier = chunk.get(finding.key());
			if (earlier != null) {
				// the same finding twice in one chunk: keep the newer, count the other as
				// unchanged
				unchanged++;
				if (finding.finding().updatedAt().isBefore(earlier.finding().updatedAt())) {
					return;
				}
			}
			chunk.put(finding.key(), finding);
		}

		void flush() {
			if (chunk.isEmpty()) {
				return;
			}
			long[] counted = { inserted, updated, unchanged };
			for (int attempt = 1;; attempt++) {
				try {
					// the listeners too: what they wrote goes back with the findings when
					// another intake got there first, and both are done again
					store.atomically(() -> {
						upsert();
						tellListeners();
					});
					chunk.clear();
					completed.clear();
					return;
				}
				catch (DuplicateKeyException ex) {
					// another intake stored one of these new findings meanwhile: read
					// again, and this time it is an update
					inserted = counted[0];
					updated = counted[1];
					unchanged = counted[2];
					if (attempt == ATTEMPTS) {
						throw ex;
					}
				}
			}
		}

		private void tellListeners() {
			if (!completed.isEmpty()) {
				var stored = List.copyOf(completed);
				listeners.forEach(listener -> listener.stored(stored));
			}
		}

		private void upsert() {
			var stored = store.versions(chunk.keySet());
			List<Normalised> fresh = new ArrayList<>();
			List<Normalised> newer = new ArrayList<>();
			long same = 0;
			for (var finding : chunk.values()) {
				var known = stored.get(finding.key());
				if (known == null) {
					fresh.add(finding);
				}
				else if (known.supersededBy(finding)) {
					newer.add(finding);
				}
				else {
					same++;
				}
			}
			var now = clock.instant();
			if (fates != null) {
				// storeTogether flushes once: a retry after a duplicate key starts again
				fates.clear();
				fresh.forEach(f -> fates.put(f, Fate.INSERTED));
				newer.forEach(f -> fates.put(f, Fate.UPDATED));
			}
			store.insert(fresh, channel, now);
			int replaced = store.update(newer, channel, now);
			tellStored(fresh, newer);
			inserted += fresh.size();
			updated += replaced;
			unchanged += same + newer.size() - replaced;
		}

		private void tellStored(List<Normalised> fresh, List<Normalised> newer) {
			if (fresh.isEmpty() && newer.isEmpty()) {
				return;
			}
			var findings = new ArrayList<Finding>(fresh.size() + newer.size());
			fresh.forEach(f -> findings.add(f.finding()));
			newer.forEach(f -> findings.add(f.finding()));
			var told = List.copyOf(findings);
			storedListeners.orderedStream().forEach(listener -> listener.stored(told, channel));
		}

	}

	/** Counts bytes read, for progress against the input's size. */
	private static final class Counting extends FilterInputStream {

		long count;

		Counting(InputStream in) {
			super(in);
		}

		@Override
		public int read() throws IOException {
			int b = super.read();
			if (b >= 0) {
				count++;
			}
			return b;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			int n = super.read(buffer, offset, length);
			if (n > 0) {
				count += n;
			}
			return n;
		}

	}

}
