package io.soc2ops.evidence;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.LinkedHashMap;

/**
 * {@code hash = SHA-256(previousHash || canonical JSON of the entry)}, hex encoded.
 */
final class ChainHash {

	static final String GENESIS = "0".repeat(64);

	private ChainHash() {
	}

	static String of(long sequence, Instant recordedAt, LocalDate evidenceFor, String action, Actor actor,
			String module, String subject, String canonicalPayload, String previousHash) {
		var entry = new LinkedHashMap<String, Object>();
		entry.put("sequence", sequence);
		entry.put("recordedAt", recordedAt.toString());
		entry.put("evidenceFor", evidenceFor.toString());
		entry.put("action", action);
		entry.put("actor", actor.toString());
		entry.put("module", module);
		entry.put("subject", subject);
		entry.put("payload", CanonicalJson.read(canonicalPayload));
		return sha256(previousHash + CanonicalJson.write(entry));
	}

	static String of(EvidenceEntry entry) {
		return of(entry.sequence(), entry.recordedAt(), entry.evidenceFor(), entry.action(), entry.actor(),
				entry.module(), entry.subject(), entry.payload(), entry.previousHash());
	}

	private static String sha256(String text) {
		try {
			var digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("every JVM ships SHA-256", ex);
		}
	}

}
