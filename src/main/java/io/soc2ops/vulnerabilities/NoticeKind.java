package io.soc2ops.vulnerabilities;

/**
 * What soc2ops tells a route about vulnerabilities: that some are due soon, that some
 * breached their SLA, or a team's weekly digest.
 */
enum NoticeKind {

	/**
	 * Due within {@code soc2ops.vulnerabilities.notify.due-within}; once per
	 * vulnerability.
	 */
	DUE_SOON("due-soon-flagged"),
	/** Past due, not fixed and not excepted; once per vulnerability. */
	BREACHED("breach-flagged"),
	/** A team's week; once per team and week. */
	DIGEST("digest-compiled");

	private final String flagged;

	NoticeKind(String flagged) {
		this.flagged = flagged;
	}

	/** The ledger's action for a notification of this kind, when it is made. */
	String flaggedAction() {
		return "vulnerability-notification." + flagged;
	}

}
