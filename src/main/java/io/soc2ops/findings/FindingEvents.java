package io.soc2ops.findings;

/**
 * Told about every EventBridge event the intake stored, so that another module can act on
 * it (alerting matches it against its rules). Called on the intake's thread, inside its
 * transaction, once the findings of the event are stored: what the listener writes is
 * committed with them, and a failure of the listener stores nothing of the input.
 */
public interface FindingEvents {

	void stored(ReceivedEvent event);

}
