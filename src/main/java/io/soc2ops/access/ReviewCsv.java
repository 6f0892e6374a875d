package io.soc2ops.access;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * CSV as RFC 4180 has it (CRLF line ends; a field with a comma, quote or line break
 * quoted, quotes doubled). A field a spreadsheet would run as a formula (starting with
 * {@code = + - @}, a tab or a carriage return) is prefixed with an apostrophe: names and
 * comments come from people.
 */
final class ReviewCsv {

	private final Writer out;

	ReviewCsv(Writer out) {
		this.out = out;
	}

	void row(List<String> fields) throws IOException {
		for (int i = 0; i < fields.size(); i++) {
			if (i > 0) {
				out.write(',');
			}
			field(fields.get(i));
		}
		out.write("\r\n");
	}

	private void field(String raw) throws IOException {
		String value = !raw.isEmpty() && "=+-@\t\r".indexOf(raw.charAt(0)) >= 0 ? "'" + raw : raw;
		boolean quote = false;
		for (int i = 0; i < value.length() && !quote; i++) {
			char c = value.charAt(i);
			quote = c == ',' || c == '"' || c == '\n' || c == '\r';
		}
		if (!quote) {
			out.write(value);
			return;
		}
		out.write('"');
		out.write(value.replace("\"", "\"\""));
		out.write('"');
	}

}
