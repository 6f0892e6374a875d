package io.soc2ops.access;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * Reads an IAM credential report as AWS writes it (IAM User Guide, "Understanding the
 * report format"): UTF-8 CSV, a header with exactly {@link CredentialUser#COLUMNS} in
 * that order, then one line per user. Anything else is refused whole with an
 * {@link AccessRefused} naming the line and column.
 */
final class CredentialReportCsv {

	/** The largest report accepted: some 100,000 users. */
	static final int MAX_BYTES = 32 * 1024 * 1024;

	private CredentialReportCsv() {
	}

	/** The users of a report of {@code accountId}, in the file's order. */
	static List<CredentialUser> parse(byte[] csv, String accountId) {
		if (csv.length > MAX_BYTES) {
			throw AccessRefused.invalid("the credential report is " + csv.length + " bytes; at most " + MAX_BYTES
					+ " (32 MiB) are accepted");
		}
		String text = decode(csv);
		if (text.startsWith("\uFEFF")) {
			text = text.substring(1);
		}
		List<String> lines = lines(text);
		if (lines.isEmpty() || lines.getFirst().isBlank()) {
			throw AccessRefused.invalid("line 1: the credential report is empty; expected the header "
					+ String.join(",", CredentialUser.COLUMNS));
		}
		header(fields(lines.getFirst(), 1));
		var users = new ArrayList<CredentialUser>();
		var seen = new HashMap<String, Integer>();
		for (int i = 1; i < lines.size(); i++) {
			int line = i + 1;
			if (lines.get(i).isEmpty()) {
				throw AccessRefused.invalid("line " + line + ": an empty line inside the report");
			}
			List<String> values = fields(lines.get(i), line);
			if (values.size() != CredentialUser.COLUMNS.size()) {
				throw AccessRefused.invalid("line " + line + ": " + values.size() + " fields; the header has "
						+ CredentialUser.COLUMNS.size());
			}
			var user = CredentialUser.of(line, values, accountId);
			Integer before = seen.putIfAbsent(user.user(), line);
			if (before != null) {
				throw AccessRefused.invalid("line " + line + ", column user: '" + user.user()
						+ "' is listed twice (line " + before + " too)");
			}
			users.add(user);
		}
		if (users.isEmpty()) {
			throw AccessRefused.invalid(
					"line 2: the credential report has no user lines (AWS always lists " + CredentialUser.ROOT + ")");
		}
		return users;
	}

	private static void header(List<String> found) {
		if (found.equals(CredentialUser.COLUMNS)) {
			return;
		}
		var missing = new LinkedHashSet<>(CredentialUser.COLUMNS);
		found.forEach(missing::remove);
		var extra = new LinkedHashSet<>(found);
		CredentialUser.COLUMNS.forEach(extra::remove);
		var why = new StringBuilder("line 1 (header): ");
		if (!missing.isEmpty()) {
			why.append("missing column(s) ").append(String.join(", ", missing)).append("; ");
		}
		if (!extra.isEmpty()) {
			why.append("unexpected column(s) ").append(String.join(", ", extra)).append("; ");
		}
		if (missing.isEmpty() && extra.isEmpty()) {
			why.append(found.size() == CredentialUser.COLUMNS.size() ? "the columns are in a different order; "
					: "a column is named twice; ");
		}
		why.append("expected ")
			.append(String.join(",", CredentialUser.COLUMNS))
			.append(" but found ")
			.append(String.join(",", found));
		throw AccessRefused.invalid(why.toString());
	}

	private static String decode(byte[] csv) {
		var decoder = StandardCharsets.UTF_8.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
		var in = ByteBuffer.wrap(csv);
		var out = CharBuffer.allocate(csv.length);
		var result = decoder.decode(in, out, true);
		if (result.isError()) {
			int line = 1;
			for (int i = 0; i < in.position(); i++) {
				if (csv[i] == '\n') {
					line++;
				}
			}
			throw AccessRefused.invalid("line " + line + ": the credential report is not UTF-8 text");
		}
		decoder.flush(out);
		return out.flip().toString();
	}

	/** The lines, without their line ends; trailing empty lines dropped. */
	private static List<String> lines(String text) {
		var lines = new ArrayList<String>();
		int start = 0;
		while (start <= text.length()) {
			int end = text.indexOf('\n', start);
			String line = end < 0 ? text.substring(start) : text.substring(start, end);
			lines.add(line.endsWith("\r") ? line.substring(0, line.length() - 1) : line);
			if (end < 0) {
				break;
			}
			start = end + 1;
		}
		while (!lines.isEmpty() && lines.getLast().isEmpty()) {
			lines.removeLast();
		}
		return lines;
	}

	/** One line's fields, RFC 4180 quoting allowed (a user name may hold a comma). */
	static List<String> fields(String line, int number) {
		var fields = new ArrayList<String>();
		var field = new StringBuilder();
		boolean quoted = false;
		boolean wasQuoted = false;
		for (int i = 0; i < line.length(); i++) {
			char c = line.charAt(i);
			if (quoted) {
				if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
					field.append('"');
					i++;
				}
				else if (c == '"') {
					quoted = false;
				}
				else {
					field.append(c);
				}
			}
			else if (c == ',') {
				fields.add(field.toString());
				field.setLength(0);
				wasQuoted = false;
			}
			else if (c == '"' && field.isEmpty() && !wasQuoted) {
				quoted = true;
				wasQuoted = true;
			}
			else if (wasQuoted || c == '"') {
				throw AccessRefused
					.invalid("line " + number + ", field " + (fields.size() + 1) + ": a stray quote or text after one");
			}
			else {
				field.append(c);
			}
		}
		if (quoted) {
			throw AccessRefused
				.invalid("line " + number + ", field " + (fields.size() + 1) + ": a quote is not closed");
		}
		fields.add(field.toString());
		return fields;
	}

}
