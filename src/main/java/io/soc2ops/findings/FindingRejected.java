package io.soc2ops.findings;

/**
 * Input that cannot be taken: names the record (its position, and line where known) and
 * the field, so the sender can fix it. Nothing of the batch it was in is stored.
 */
public class FindingRejected extends RuntimeException {

	private static final long serialVersionUID = 1L;

	FindingRejected(String message) {
		super(message);
	}

	static FindingRejected at(long record, long line, String field, String problem) {
		return new FindingRejected(
				"record " + record + (line > 0 ? " (line " + line + ")" : "") + ": " + field + ": " + problem);
	}

}
