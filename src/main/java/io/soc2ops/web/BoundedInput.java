package io.soc2ops.web;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Refuses to read past a limit, for bodies sent without a length (chunked).
 */
final class BoundedInput extends FilterInputStream {

	private final long limit;

	private long read;

	BoundedInput(InputStream in, long limit) {
		super(in);
		this.limit = limit;
	}

	@Override
	public int read() throws IOException {
		int b = super.read();
		if (b >= 0) {
			count(1);
		}
		return b;
	}

	@Override
	public int read(byte[] buffer, int offset, int length) throws IOException {
		int n = super.read(buffer, offset, length);
		if (n > 0) {
			count(n);
		}
		return n;
	}

	private void count(int n) {
		read += n;
		if (read > limit) {
			throw new TooLarge("the request body is larger than " + limit + " bytes");
		}
	}

	/** The body passed the limit while it was read. */
	static final class TooLarge extends RuntimeException {

		private static final long serialVersionUID = 1L;

		TooLarge(String message) {
			super(message);
		}

	}

}
