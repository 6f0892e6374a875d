package io.soc2ops.aws;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * One account and Region's part of a collection's Amazon Inspector read.
 *
 * @param status {@code OK} when every page was read and handed over, and the sync told
 * complete; {@code NOT_ENABLED} when Inspector is not on there
 * @param pages {@code ListFindings} pages read
 * @param findings Inspector findings read
 * @param vulnerabilities vulnerabilities handed over: one per finding and resource
 * @param startedAt when the read began; with a complete sync, what was not seen since is
 * gone
 * @param error why the read stopped, naming the call and AWS's error code
 */
public record InspectorSync(AccountRegion target, ConnectionStatus status, int pages, long findings,
		long vulnerabilities, Instant startedAt, @Nullable String error) {

	/** Whether every page was read, so the vulnerabilities not seen are gone. */
	public boolean complete() {
		return status == ConnectionStatus.OK;
	}

}
