package io.soc2ops.access;

import java.time.Instant;

/**
 * Published (in the storing transaction) when an inventory sync or credential report
 * changed what is stored for a scope, so that what depends on the holdings can be worked
 * out again.
 *
 * @param source {@code IAM}, {@code IDENTITY_CENTER} or {@code CREDENTIAL_REPORT}
 * @param scope the account ID, or the Identity Center instance ARN
 */
public record AccessInventoryChanged(String source, String scope, Instant takenAt) {

}
