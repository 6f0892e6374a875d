package io.soc2ops.findings;

/**
 * A finding as the intake hands it to storage, with the digests computed once: of its key
 * (the primary key) and of its raw JSON (which, with {@code UpdatedAt}, identifies its
 * version).
 */
record Normalised(Finding finding, String key, String rawSha256) {

	static Normalised of(Finding finding, String rawSha256) {
		return new Normalised(finding, finding.key().digest(), rawSha256);
	}

}
