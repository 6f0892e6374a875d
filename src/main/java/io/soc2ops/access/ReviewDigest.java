package io.soc2ops.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 over a sequence of records, built one record at a time: each field as its UTF-8
 * length in bytes, a colon and its bytes; each record ended by a line feed. The lengths
 * make the encoding unambiguous whatever the fields hold.
 */
final class ReviewDigest {

	private final MessageDigest sha256;

	ReviewDigest() {
		try {
			sha256 = MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("every JVM ships SHA-256", ex);
		}
	}

	void add(String... fields) {
		for (String field : fields) {
			byte[] bytes = field.getBytes(StandardCharsets.UTF_8);
			sha256.update(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
			sha256.update((byte) ':');
			sha256.update(bytes);
		}
		sha256.update((byte) '\n');
	}

	/** The digest in lower-case hex; the digest cannot be added to afterwards. */
	String hex() {
		return HexFormat.of().formatHex(sha256.digest());
	}

	/** The fields of an item that its campaign's digest covers, in order. */
	static String[] identity(ReviewItem item) {
		return new String[] { Long.toString(item.holdingId()), item.kind().name(), item.accountId(),
				item.person().value(), item.principal(), item.entitlement(), item.entitlementRef(), item.via(),
				item.firstSeen().toString() };
	}

	/** The fields of an item's decision that the completion's digest covers, in order. */
	static String[] decision(ReviewItem item) {
		return new String[] { Long.toString(item.id()), item.decision().map(Enum::name).orElse(""),
				item.decidedBy().orElse(""), item.decidedAt().map(Object::toString).orElse(""),
				item.comment().orElse("") };
	}

}
