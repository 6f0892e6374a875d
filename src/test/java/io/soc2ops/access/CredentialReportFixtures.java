package io.soc2ops.access;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Credential reports as AWS writes them (IAM User Guide, "Understanding the report
 * format"): the 22 columns, {@code <root_account>} first, times in ISO 8601 with an
 * offset, N/A, no_information and not_supported where AWS writes them.
 */
public final class CredentialReportFixtures {

	static final String HEADER = String.join(",", CredentialUser.COLUMNS);

	private CredentialReportFixtures() {
	}

	/**
	 * A report of {@code account} generated on 2026-09-28: the root user signed in eight
	 * days before and has no MFA; alice is in order; bob has a password without MFA
	 * unused since January and a key from 2025; ci-deploy has only a key, never used;
	 * former has nothing active.
	 */
	public static String report(String account) {
		return lines(HEADER, root(account, "2026-09-20T01:00:00+00:00"),
				user(account, "alice", "true", "2026-09-25T09:30:00+00:00", "true",
						key("true", "2026-08-01T00:00:00+00:00", "2026-09-26T04:00:00+00:00", "ap-northeast-1", "s3")),
				user(account, "bob", "true", "2026-01-10T09:00:00+00:00", "false",
						key("true", "2025-01-02T00:00:00+00:00", "2026-09-27T04:00:00+00:00", "us-east-1", "ec2")),
				user(account, "ci-deploy", "false", "N/A", "false",
						key("true", "2026-01-05T00:00:00+00:00", "N/A", "N/A", "N/A")),
				user(account, "former", "false", "N/A", "false", key("false", "N/A", "N/A", "N/A", "N/A")));
	}

	static String root(String account, String passwordLastUsed) {
		return "<root_account>,arn:aws:iam::" + account + ":root,2019-04-01T00:00:00+00:00,not_supported,"
				+ passwordLastUsed + ",not_supported,not_supported,false," + key("false", "N/A", "N/A", "N/A", "N/A")
				+ "," + key("false", "N/A", "N/A", "N/A", "N/A") + ",false,N/A,false,N/A";
	}

	/** A user created on 2026-01-05 with one access key (and an inactive second). */
	static String user(String account, String name, String passwordEnabled, String passwordLastUsed, String mfa,
			String key1) {
		return name + ",arn:aws:iam::" + account + ":user/" + name + ",2026-01-05T00:00:00+00:00," + passwordEnabled
				+ "," + passwordLastUsed + "," + ("true".equals(passwordEnabled) ? "2026-01-05T00:10:00+00:00" : "N/A")
				+ ",N/A," + mfa + "," + key1 + "," + key("false", "N/A", "N/A", "N/A", "N/A") + ",false,N/A,false,N/A";
	}

	static String key(String active, String rotated, String used, String region, String service) {
		return String.join(",", active, rotated, used, region, service);
	}

	static String lines(String... lines) {
		return String.join("\n", List.of(lines)) + "\n";
	}

	static byte[] bytes(String csv) {
		return csv.getBytes(StandardCharsets.UTF_8);
	}

}
