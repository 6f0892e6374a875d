package io.soc2ops.findings;

/**
 * Input that cannot be taken: names the record (its position, and line where known) and
 * the field, so the sender can fix it. Nothing of the batch it was in is stored.
 */
public class FindingRejected extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final long record;

	private final String field;

	private FindingRejected(long record, String field, String message) {
		super(message);
		this.record = record;
		this.field = field;
	}

	/** The input as a whole is not acceptable (no record or field to name). */
	static FindingRejected input(String problem) {
		return new FindingRejected(0, "(input)", problem);
	}

	static FindingRejected at(long record, long line, String field, String problem) {
		return new FindingRejected(record, field,
				"record " + record + (line > 0 ? " (line " + line + ")" : "") + ": " + field + ": " + problem);
	}

	/** The refused record's position in the input, from 1; 0 for the input as a whole. */
	public long record() {
		return record;
	}

	/**
	 * The field that is wrong, such as {@code AwsAccountId}, or {@code (JSON)} and
	 * {@code (input)} for the shape of the input. Unlike the message, it never quotes the
	 * input's content.
	 */
	public String field() {
		return field;
	}

}
