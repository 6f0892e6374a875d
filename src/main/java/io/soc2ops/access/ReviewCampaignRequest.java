package io.soc2ops.access;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/**
 * A campaign as asked for.
 *
 * @param snapshotAt the moment whose access is reviewed; empty for now
 * @param dueOn the last day (UTC) of the review
 */
public record ReviewCampaignRequest(String name, ReviewScope scope, Optional<Instant> snapshotAt, LocalDate dueOn) {

}
