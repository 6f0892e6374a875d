package io.soc2ops.access;

/**
 * How far one reviewer is in a campaign.
 *
 * @param reviewer a soc2ops username, or {@link ReviewItemFilter#UNASSIGNED}
 */
public record ReviewerProgress(String reviewer, long items, long kept, long revoked) {

	public long open() {
		return items - kept - revoked;
	}

	public boolean unassigned() {
		return reviewer.equals(ReviewItemFilter.UNASSIGNED);
	}

	public int percentDone() {
		return items == 0 ? 100 : (int) (100L * (kept + revoked) / items);
	}

}
