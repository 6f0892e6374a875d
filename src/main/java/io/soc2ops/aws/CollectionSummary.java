package io.soc2ops.aws;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

import io.soc2ops.catalog.TestOutcome;

/**
 * What one collection did: Security Hub, and Amazon Inspector where it is read.
 *
 * @param scopeProblem why the accounts in scope could not be listed; then nothing else
 * was done
 * @param syncs per account and Region Security Hub findings are collected from
 * @param standards the FND-01 test result recorded (Security Hub, FSBP and CIS enabled in
 * every account-Region in scope); absent when the scope was unavailable
 * @param standardsNote what the test result says, naming every gap
 * @param inspector per account and Region in scope, Inspector's findings read; empty when
 * Inspector is not read ({@code soc2ops.aws.inspector.enabled=false})
 * @param inventory the access inventory's reads: each account's IAM, and IAM Identity
 * Center; empty when neither is read
 */
public record CollectionSummary(Instant startedAt, Instant finishedAt, @Nullable String scopeProblem,
		List<TargetSync> syncs, @Nullable TestOutcome standards, String standardsNote, List<InspectorSync> inspector,
		List<InventorySync> inventory) {

	public CollectionSummary {
		syncs = List.copyOf(syncs);
		inspector = List.copyOf(inspector);
		inventory = List.copyOf(inventory);
	}

	/** The IAM and Identity Center reads that did not complete. */
	public List<InventorySync> inventoryFailures() {
		return inventory.stream().filter(sync -> !sync.complete()).toList();
	}

	/** The account-Regions whose Inspector findings could not all be read. */
	public List<InspectorSync> inspectorFailures() {
		return inspector.stream().filter(sync -> !sync.complete()).toList();
	}

	/** Vulnerabilities handed to the intake: one per Inspector finding and resource. */
	public long vulnerabilities() {
		return inspector.stream().mapToLong(InspectorSync::vulnerabilities).sum();
	}

	public long received() {
		return syncs.stream().mapToLong(TargetSync::received).sum();
	}

	public long inserted() {
		return syncs.stream().mapToLong(TargetSync::inserted).sum();
	}

	/** The account-Regions whose Security Hub findings could not all be collected. */
	public List<TargetSync> failures() {
		return syncs.stream().filter(sync -> sync.status() != ConnectionStatus.OK).toList();
	}

}
