package io.soc2ops.access;

import java.time.Instant;

/**
 * The soc2ops user who owns an AWS account, and so reviews the access of people without a
 * manager in it.
 */
public record ReviewAccountOwner(String accountId, String owner, Instant updatedAt, String updatedBy) {

}
