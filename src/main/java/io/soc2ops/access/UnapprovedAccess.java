package io.soc2ops.access;

import java.time.Instant;
import java.util.Optional;

/**
 * A holding found without an approved, unexpired request: an exception from the run that
 * found it until a run finds it approved or gone.
 *
 * @param holding the holding as it was when found
 * @param foundRun the reconciliation run that found it
 * @param approvedByRequest the request whose cover resolved it
 * @param removalId the removal an operator opened for it
 */
public record UnapprovedAccess(long id, Holding holding, Instant foundAt, long foundRun, Optional<Instant> resolvedAt,
		Optional<UnapprovedResolution> resolution, Optional<Long> approvedByRequest, Optional<Long> removalId) {

	public boolean open() {
		return resolvedAt.isEmpty();
	}

	/** The cause its removal is opened under. */
	public String cause() {
		return "exception:" + id;
	}

}
