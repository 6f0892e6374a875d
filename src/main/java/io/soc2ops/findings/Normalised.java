package io.soc2ops.findings;

import org.jspecify.annotations.Nullable;

/**
 * A finding as the intake hands it to storage, with the digests computed once: of its key
 * (the primary key) and of its raw JSON (which, with {@code UpdatedAt}, identifies its
 * version).
 */
record Normalised(Finding finding, String key, String rawSha256, @Nullable ReceivedEvent event) {

	static Normalised of(Finding finding, String rawSha256) {
		return of(finding, rawSha256, null);
	}

	/**
	 * @param event the event this finding completes (its last finding), if any
	 */
	static Normalised of(Finding finding, String rawSha256, @Nullable ReceivedEvent event) {
		return new Normalised(finding, finding.key().digest(), rawSha256, event);
	}

}
