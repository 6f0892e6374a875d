package io.soc2ops.findings;

/**
 * How findings reached soc2ops. Recorded with every accepted batch.
 */
public enum IntakeChannel {

	/** Collected from the Security Hub API. */
	API,
	/** Pushed by an EventBridge API destination to {@code POST /api/v1/events}. */
	WEBHOOK,
	/** Read from an SQS queue an EventBridge rule targets. */
	QUEUE,
	/** Imported from a file (CLI or upload). */
	FILE,
	/** The bundled demo organisation. */
	DEMO

}
