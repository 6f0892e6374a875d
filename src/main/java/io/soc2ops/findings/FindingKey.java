package io.soc2ops.findings;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A finding's identity: its ASFF {@code Id} within the product that reported it. An OCSF
 * finding has the same identity: {@code finding_info.uid} within
 * {@code metadata.product.uid} read as the ASFF product ARN (see {@link OcsfNormaliser}).
 */
public record FindingKey(String id, String productArn) {

	public FindingKey {
		if (id.isBlank() || id.length() > 512) {
			throw new IllegalArgumentException("Id must be 1-512 characters");
		}
		if (productArn.isBlank() || productArn.length() > 512) {
			throw new IllegalArgumentException("ProductArn must be 1-512 characters");
		}
	}

	/** A fixed-length digest of the key, used as the primary key in storage. */
	public String digest() {
		try {
			var sha = MessageDigest.getInstance("SHA-256");
			sha.update(productArn.getBytes(StandardCharsets.UTF_8));
			sha.update((byte) 0);
			sha.update(id.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(sha.digest());
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("every JVM ships SHA-256", ex);
		}
	}

}
