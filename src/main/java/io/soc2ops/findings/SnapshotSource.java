package io.soc2ops.findings;

/**
 * Where a day's posture snapshot came from.
 */
public enum SnapshotSource {

	/** Taken from the findings as they stood when it was taken, on that day. */
	TAKEN,
	/**
	 * Replayed later from the finding history: each finding's last version soc2ops had
	 * accepted by the end of the day, exactly what a snapshot taken then would have held.
	 */
	REPLAYED,
	/** Drawn for the demo from its findings' own UpdatedAt dates; demo data only. */
	DEMO

}
