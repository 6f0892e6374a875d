package io.soc2ops.aws;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * One account and Region's part of a collection.
 *
 * @param status {@code OK} when every page was taken in
 * @param pages {@code GetFindings} pages received
 * @param received findings received
 * @param inserted findings seen for the first time
 * @param updated findings whose newer version replaced the stored one
 * @param since the {@code UpdatedAt} from which findings were asked for
 * @param error why the collection stopped, naming the call and AWS's error code
 */
public record TargetSync(AccountRegion target, ConnectionStatus status, int pages, long received, long inserted,
		long updated, Instant since, @Nullable String error) {

}
