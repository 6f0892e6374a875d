package io.soc2ops.identity;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Seals secrets for storage (webhook URLs, API keys) with AES-256-GCM: a fresh 12-byte
 * nonce per value, and a version prefix ({@code v1:}) so that a later key or scheme can
 * be introduced while values sealed with this one still open. An altered value, or one
 * sealed with another key, does not open.
 */
@Component
@EnableConfigurationProperties(SecretSettings.class)
public class Secrets {

	private static final String VERSION = "v1:";

	private static final int NONCE_BYTES = 12;

	private static final int TAG_BITS = 128;

	private final SecretKeySource keys;

	private final SecureRandom random = new SecureRandom();

	Secrets(SecretSettings settings) {
		this.keys = new SecretKeySource(settings);
	}

	/** Secrets sealed and opened with the given key (the base64 of 32 bytes). */
	static Secrets withKey(String base64Key) {
		return new Secrets(new SecretSettings(base64Key, Path.of("unused")));
	}

	/**
	 * The secret as it may be stored: {@code v1:} and the base64 of nonce and ciphertext.
	 */
	public String seal(String plain) {
		var nonce = new byte[NONCE_BYTES];
		random.nextBytes(nonce);
		byte[] sealed = crypt(Cipher.ENCRYPT_MODE, keys.key(), nonce, plain.getBytes(StandardCharsets.UTF_8));
		var out = ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed);
		return VERSION + Base64.getEncoder().encodeToString(out.array());
	}

	/**
	 * The secret a {@link #seal} returned.
	 * @throws SecretUnreadable when it was sealed with another key, altered, or is not a
	 * sealed value at all
	 */
	public String open(String sealed) {
		if (!sealed.startsWith(VERSION)) {
			throw new SecretUnreadable("is not sealed in a form this version of soc2ops reads");
		}
		byte[] bytes;
		try {
			bytes = Base64.getDecoder().decode(sealed.substring(VERSION.length()));
		}
		catch (IllegalArgumentException ex) {
			throw new SecretUnreadable("is damaged (not base64)");
		}
		if (bytes.length < NONCE_BYTES + TAG_BITS / 8) {
			throw new SecretUnreadable("is damaged (too short)");
		}
		var nonce = Arrays.copyOf(bytes, NONCE_BYTES);
		var body = Arrays.copyOfRange(bytes, NONCE_BYTES, bytes.length);
		return new String(crypt(Cipher.DECRYPT_MODE, keys.key(), nonce, body), StandardCharsets.UTF_8);
	}

	private static byte[] crypt(int mode, SecretKey key, byte[] nonce, byte[] input) {
		try {
			var cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
			// the version is authenticated too, so a value cannot pass for another
			// scheme's
			cipher.updateAAD(VERSION.getBytes(StandardCharsets.US_ASCII));
			return cipher.doFinal(input);
		}
		catch (AEADBadTagException ex) {
			throw new SecretUnreadable("does not open with this installation's secret key (soc2ops.secret-key, "
					+ "SOC2OPS_SECRET_KEY, or secret.key in the data directory): the key changed or the stored "
					+ "value was altered");
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("AES-GCM is not available: " + ex.getMessage(), ex);
		}
	}

}
