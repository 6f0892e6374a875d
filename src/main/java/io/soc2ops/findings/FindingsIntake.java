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
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.soc2ops.evidence.Actor;
import io.soc2ops.evidence.EvidenceLedger;
import io.soc2ops.evidence.EvidenceRecord;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one way findings come in, whatever the channel: read, normalise, upsert, and record
 * the batch (count, channel, digest) in the ledger. A batch is stored whole or not at
 * all.
 */
@Service
public class FindingsIntake {

	static final int CHUNK = 500;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final FindingNormaliser normaliser;

	private final FindingStore store;

	private final EvidenceLedger ledger;

	private final Clock clock;

	FindingsIntake(FindingNormaliser normaliser, FindingStore store, EvidenceLedger ledger, Clock clock) {
		this.normaliser = normaliser;
		this.store = store;
		this.ledger = ledger;
		this.clock = clock;
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
		var batch = new Batch(channel);
		FindingStream.read(counting, incoming -> {
			Finding finding;
			try {
				String raw = JSON.writeValueAsString(incoming.finding());
				finding = normaliser.normalise(incoming.finding(), raw);
			}
			catch (AsffNormaliser.IllegalFinding ex) {
				throw FindingRejected.at(incoming.record(), incoming.line(), ex.field(), ex.problem());
			}
			batch.add(finding);
			if (incoming.record() % CHUNK == 0) {
				progress.advanced(counting.count, incoming.record());
			}
		});
		batch.flush();
		progress.advanced(counting.count, batch.received);
		String hex = HexFormat.of().formatHex(digest.digest());
		var entry = ledger.record(new EvidenceRecord("findings.imported", by, "findings", "findings:" + channel.name(),
				LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC),
				Map.of("channel", channel.name(), "origin", origin, "received", batch.received, "inserted",
						batch.inserted, "updated", batch.updated, "unchanged", batch.unchanged, "sha256", hex)));
		return new IntakeResult(batch.received, batch.inserted, batch.updated, batch.unchanged, hex, entry.sequence());
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

	/** Collects findings into chunks and upserts each chunk. */
	private final class Batch {

		private final IntakeChannel channel;

		private final Map<String, Finding> chunk = new LinkedHashMap<>();

		long received;

		long inserted;

		long updated;

		long unchanged;

		Batch(IntakeChannel channel) {
			this.channel = channel;
		}

		void add(Finding finding) {
			received++;
			String key = finding.key().digest();
			var earlier = chunk.get(key);
			if (earlier != null) {
				// the same finding twice in one chunk: keep the newer, count the other as
				// unchanged
				unchanged++;
				if (finding.updatedAt().isBefore(earlier.updatedAt())) {
					return;
				}
			}
			chunk.put(key, finding);
			if (chunk.size() >= CHUNK) {
				flush();
			}
		}

		void flush() {
			if (chunk.isEmpty()) {
				return;
			}
			var stored = store.versions(chunk.keySet());
			List<Finding> fresh = new ArrayList<>();
			List<Finding> newer = new ArrayList<>();
			chunk.forEach((key, finding) -> {
				var known = stored.get(key);
				if (known == null) {
					fresh.add(finding);
				}
				else if (known.supersededBy(finding)) {
					newer.add(finding);
				}
				else {
					unchanged++;
				}
			});
			var now = clock.instant();
			store.insert(fresh, channel, now);
			int replaced = store.update(newer, channel, now);
			inserted += fresh.size();
			updated += replaced;
			unchanged += newer.size() - replaced;
			chunk.clear();
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
