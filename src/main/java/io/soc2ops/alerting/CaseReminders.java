package io.soc2ops.alerting;

/**
 * Told of each reminder the moment it comes due: once per case and step, across every
 * instance, inside the transaction that records it as due (so what an implementation
 * stores, such as an outbox message, commits with it; one that throws leaves the reminder
 * due for the next run). Every bean is told.
 */
interface CaseReminders {

	void remind(Alert alert, CaseReminder reminder);

}
