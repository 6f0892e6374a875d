package io.soc2ops.findings;

/**
 * The format a finding arrived in.
 */
public enum FindingFormat {

	/** AWS Security Finding Format (Security Hub CSPM). */
	ASFF,

	/** Open Cybersecurity Schema Framework (the new Security Hub). */
	OCSF

}
