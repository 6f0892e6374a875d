package io.soc2ops.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Base64;
import java.util.EnumSet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Secrets sealed with AES-256-GCM: they open again with the same key, and only with it;
 * an altered value does not open, and no error repeats the stored value.
 */
class SecretsTests {

	static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);

	static final String OTHER_KEY = Base64.getEncoder().encodeToString("another key of thirty-two bytes!".getBytes());

	static final String URL = "https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX";

	final Secrets secrets = Secrets.withKey(KEY);

	@Test
	void aSealedSecretOpensAgain() {
		String sealed = secrets.seal(URL);

		assertThat(sealed).startsWith("v1:").doesNotContain("hooks.slack.com").doesNotContain("XXXX");
		assertThat(secrets.open(sealed)).isEqualTo(URL);
		assertThat(Secrets.withKey(KEY).open(sealed)).as("another instance with the same key").isEqualTo(URL);
	}

	@Test
	void everySealingUsesAFreshNonce() {
		assertThat(secrets.seal(URL)).isNotEqualTo(secrets.seal(URL));
	}

	@Test
	void anAlteredValueDoesNotOpen() {
		String sealed = secrets.seal(URL);
		byte[] bytes = Base64.getDecoder().decode(sealed.substring(3));
		bytes[bytes.length / 2] ^= 1;
		String altered = "v1:" + Base64.getEncoder().encodeToString(bytes);

		assertThatThrownBy(() -> secrets.open(altered)).isInstanceOf(SecretUnreadable.class)
			.hasMessageContaining("the key changed or the stored value was altered")
			.hasMessageNotContaining(altered.substring(3, 20));
	}

	@Test
	void aValueSealedWithAnotherKeyDoesNotOpenAndTheErrorNamesTheKeyNotTheValue() {
		String sealed = Secrets.withKey(OTHER_KEY).seal(URL);

		assertThatThrownBy(() -> secrets.open(sealed)).isInstanceOf(SecretUnreadable.class)
			.hasMessageContaining("SOC2OPS_SECRET_KEY")
			.hasMessageNotContaining(sealed.substring(3, 20));
	}

	@Test
	void somethingThatWasNeverSealedDoesNotOpen() {
		assertThatThrownBy(() -> secrets.open(URL)).isInstanceOf(SecretUnreadable.class)
			.hasMessage("is not sealed in a form this version of soc2ops reads");
		assertThatThrownBy(() -> secrets.open("v1:%%%")).isInstanceOf(SecretUnreadable.class)
			.hasMessage("is damaged (not base64)");
		assertThatThrownBy(() -> secrets.open("v1:AAAA")).isInstanceOf(SecretUnreadable.class)
			.hasMessage("is damaged (too short)");
	}

	@Test
	void aConfiguredKeyOfTheWrongLengthStopsStartUpWithoutShowingIt() {
		String shortKey = Base64.getEncoder().encodeToString("sixteen byte key".getBytes());

		assertThatThrownBy(() -> Secrets.withKey(shortKey)).isInstanceOf(IllegalStateException.class)
			.hasMessage("soc2ops.secret-key (SOC2OPS_SECRET_KEY) must be the base64 of 32 random bytes "
					+ "(e.g. `openssl rand -base64 32`) but holds 16")
			.hasMessageNotContaining(shortKey);
		assertThatThrownBy(() -> Secrets.withKey("not base64!")).hasMessageContaining("but is not base64");
	}

	@Test
	void withoutAConfiguredKeyAnOwnerOnlyKeyFileIsCreatedOnFirstUseAndReused(@TempDir Path dataDir) throws Exception {
		var settings = new SecretSettings(null, dataDir.resolve("data"));
		var first = new Secrets(settings);
		assertThat(dataDir.resolve("data")).as("nothing is created before a secret is sealed").doesNotExist();

		String sealed = first.seal(URL);

		Path keyFile = dataDir.resolve("data/secret.key");
		assertThat(Base64.getDecoder().decode(Files.readString(keyFile).strip())).hasSize(32);
		if (keyFile.getFileSystem().supportedFileAttributeViews().contains("posix")) {
			assertThat(Files.getPosixFilePermissions(keyFile))
				.isEqualTo(EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));
		}
		assertThat(new Secrets(settings).open(sealed)).as("a restart reads the same key").isEqualTo(URL);
		try (var files = Files.list(keyFile.getParent())) {
			assertThat(files).as("no temporary files left behind").containsExactly(keyFile);
		}
	}

	@Test
	void aConfiguredKeyIsUsedInsteadOfTheFile(@TempDir Path dataDir) {
		var configured = new Secrets(new SecretSettings(KEY, dataDir));

		assertThat(secrets.open(configured.seal(URL))).isEqualTo(URL);
		assertThat(dataDir.resolve("secret.key")).doesNotExist();
	}

}
