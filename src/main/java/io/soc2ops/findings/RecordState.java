package io.soc2ops.findings;

/**
 * ASFF {@code RecordState}: an ARCHIVED finding no longer applies (the resource is gone
 * or the check was disabled) but stays in history.
 */
public enum RecordState {

	ACTIVE, ARCHIVED

}
