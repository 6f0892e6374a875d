package io.soc2ops.aws;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * One inventory read in a collection: an account's IAM, or the Organization's IAM
 * Identity Center.
 *
 * @param collector {@code iam} or {@code identity-center}
 * @param target the account and Region it is recorded under: IAM in us-east-1, where its
 * calls are signed; Identity Center in the account that owns the instance, in its Region
 * @param objects objects handed to the access inventory
 * @param error why it was not read completely; absent when it was
 */
public record InventorySync(String collector, AccountRegion target, ConnectionStatus status, int objects,
		Instant startedAt, @Nullable String error) {

	public boolean complete() {
		return status == ConnectionStatus.OK;
	}

}
