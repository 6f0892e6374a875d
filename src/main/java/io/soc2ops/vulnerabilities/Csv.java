package io.soc2ops.vulnerabilities;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Writes CSV as RFC 4180 has it (CRLF line ends; a field with a comma, quote or line
 * break quoted, quotes doubled). Text that came from outside which a spreadsheet would
 * run as a formula (starting with {@code = + - @}, a tab or a carriage return) is
 * prefixed with an apostrophe.
 */
final class Csv {

	private final Writer out;

	private boolean lineStarted;

	Csv(Writer out) {
		this.out = out;
	}

	void row(List<String> fields) throws IOException {
		for (String field : fields) {
			field(field);
		}
		end();
	}

	/** A value soc2ops wrote itself: a number, a date, a name from a closed set. */
	Csv field(@Nullable Object value) throws IOException {
		return raw(value == null ? "" : value.toString());
	}

	/** Text from a source or a person. */
	Csv text(@Nullable String value) throws IOException {
		if (value != null && !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0) {
			return raw("'" + value);
		}
		return raw(value == null ? "" : value);
	}

	void end() throws IOException {
		out.write("\r\n");
		lineStarted = false;
	}

	private Csv raw(String value) throws IOException {
		if (lineStarted) {
			out.write(',');
		}
		lineStarted = true;
		boolean quote = false;
		for (int i = 0; i < value.length() && !quote; i++) {
			char c = value.charAt(i);
			quote = c == ',' || c == '"' || c == '\n' || c == '\r';
		}
		if (quote) {
			out.write('"');
			out.write(value.replace("\"", "\"\""));
			out.write('"');
		}
		else {
			out.write(value);
		}
		return this;
	}

}
