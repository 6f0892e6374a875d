package io.soc2ops.findings;

/**
 * Told as an import advances, for progress bars.
 */
@FunctionalInterface
public interface ImportProgress {

	ImportProgress NONE = (bytes, findings) -> {
	};

	/**
	 * @param bytesRead bytes of the input read so far
	 * @param findings findings read so far
	 */
	void advanced(long bytesRead, long findings);

}
