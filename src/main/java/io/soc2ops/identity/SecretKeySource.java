package io.soc2ops.identity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.EnumSet;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The AES-256 key from {@code soc2ops.secret-key}, or else from {@code secret.key} in the
 * data directory, which the first instance to need it creates (owner-only). Read on first
 * use, so one-shot commands that never touch a secret create no file.
 */
final class SecretKeySource {

	static final int KEY_BYTES = 32;

	private static final Logger log = LoggerFactory.getLogger(SecretKeySource.class);

	private final SecretSettings settings;

	private @Nullable SecretKey key;

	SecretKeySource(SecretSettings settings) {
		this.settings = settings;
		if (settings.secretKey() != null && !settings.secretKey().isBlank()) {
			key = decode(settings.secretKey(), "soc2ops.secret-key (SOC2OPS_SECRET_KEY)");
		}
	}

	synchronized SecretKey key() {
		if (key == null) {
			key = fromFile(settings.keyFile());
		}
		return key;
	}

	static SecretKey decode(String base64, String source) {
		byte[] bytes;
		try {
			bytes = Base64.getDecoder().decode(base64.strip());
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalStateException(source + " must be the base64 of " + KEY_BYTES
					+ " random bytes (e.g. `openssl rand -base64 32`) but is not base64");
		}
		if (bytes.length != KEY_BYTES) {
			throw new IllegalStateException(source + " must be the base64 of " + KEY_BYTES
					+ " random bytes (e.g. `openssl rand -base64 32`) but holds " + bytes.length);
		}
		return new SecretKeySpec(bytes, "AES");
	}

	private static SecretKey fromFile(Path file) {
		try {
			if (Files.notExists(file)) {
				create(file);
			}
			warnIfOthersMayRead(file);
			return decode(Files.readString(file, StandardCharsets.US_ASCII), "the secret key file " + file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read or create the secret key file " + file, ex);
		}
	}

	/**
	 * Writes a new key to a private temporary file and links it into place, so that of
	 * two instances starting at once one wins and both use its key.
	 */
	private static void create(Path file) throws IOException {
		Path dir = file.toAbsolutePath().getParent();
		Files.createDirectories(dir);
		Path temporary = posix(dir)
				? Files.createTempFile(dir, "secret", ".tmp",
						PosixFilePermissions.asFileAttribute(
								EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE)))
				: Files.createTempFile(dir, "secret", ".tmp");
		try {
			var bytes = new byte[KEY_BYTES];
			new SecureRandom().nextBytes(bytes);
			Files.writeString(temporary, Base64.getEncoder().encodeToString(bytes) + "\n", StandardCharsets.US_ASCII);
			ownerOnly(temporary.toFile());
			try {
				Files.createLink(file, temporary);
				log.info("Created the secret key file {}; keep it with the database backups", file);
			}
			catch (FileAlreadyExistsException ex) {
				// another instance was first: its key is the one
			}
			catch (UnsupportedOperationException ex) {
				Files.move(temporary, file);
			}
		}
		finally {
			Files.deleteIfExists(temporary);
		}
	}

	private static void ownerOnly(java.io.File file) {
		file.setReadable(false, false);
		file.setReadable(true, true);
		file.setWritable(false, false);
		file.setWritable(true, true);
	}

	private static void warnIfOthersMayRead(Path file) throws IOException {
		if (posix(file) && Files.getPosixFilePermissions(file)
			.stream()
			.anyMatch(p -> p.name().startsWith("GROUP_") || p.name().startsWith("OTHERS_"))) {
			log.warn("The secret key file {} is readable by others; restrict it with chmod 600", file);
		}
	}

	private static boolean posix(Path path) {
		return path.getFileSystem().supportedFileAttributeViews().contains("posix");
	}

}
