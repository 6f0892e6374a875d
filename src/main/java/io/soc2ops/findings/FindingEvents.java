package io.soc2ops.findings;

import java.util.List;

/**
 * Told about every EventBridge event the intake stored, so that another module can act on
 * it (alerting matches it against its rules). Called on the intake's thread, inside its
 * transaction, once the findings of the events are stored: what the listener writes is
 * committed with them, and a failure of the listener stores nothing of the input.
 */
public interface FindingEvents {

	/**
	 * @param events the events whose findings one upsert stored, in the order they came
	 * (under load one call carries many, so that the listener can write their rows
	 * together)
	 */
	void stored(List<ReceivedEvent> events);

}
