package io.soc2ops.policies;

/**
 * One value of a policy document as written, whichever format it came in: its text and
 * what kind of value the format says it is. Numbers keep their text, so an account ID
 * with a leading zero stays what it was.
 */
record Scalar(String text, Kind kind) {

	enum Kind {

		STRING, NUMBER, BOOLEAN, NULL

	}

	static final Scalar NULL = new Scalar("", Kind.NULL);

	boolean isNull() {
		return kind == Kind.NULL;
	}

}
