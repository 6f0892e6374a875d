package io.soc2ops.alerting;

/** Which alerts a list shows, by their cases. */
public enum CaseFilter {

	ALL,
	/** Cases not closed. */
	OPEN,
	/** Resolved, false positive or accepted risk. */
	CLOSED,
	/** Cases that missed a target or are missing one now, open or closed. */
	BREACHED

}
