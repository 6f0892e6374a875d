package io.soc2ops.vulnerabilities;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads CSV as RFC 4180 has it, each row by column name, for checking reports. */
final class CsvRows {

	private CsvRows() {
	}

	static List<Map<String, String>> read(String text) {
		var rows = parse(text);
		var header = rows.getFirst();
		var result = new ArrayList<Map<String, String>>();
		for (var row : rows.subList(1, rows.size())) {
			if (row.size() != header.size()) {
				throw new IllegalArgumentException("row of " + row.size() + " fields, header of " + header.size());
			}
			var named = new LinkedHashMap<String, String>();
			for (int i = 0; i < header.size(); i++) {
				named.put(header.get(i), row.get(i));
			}
			result.add(named);
		}
		return result;
	}

	static List<List<String>> parse(String text) {
		var rows = new ArrayList<List<String>>();
		var row = new ArrayList<String>();
		var field = new StringBuilder();
		boolean quoted = false;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (quoted) {
				if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
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
			else if (c == '"') {
				quoted = true;
			}
			else if (c == ',') {
				row.add(field.toString());
				field.setLength(0);
			}
			else if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
				row.add(field.toString());
				field.setLength(0);
				rows.add(row);
				row = new ArrayList<>();
				i++;
			}
			else {
				field.append(c);
			}
		}
		if (!row.isEmpty() || field.length() > 0) {
			throw new IllegalArgumentException("the last line does not end with CRLF");
		}
		return rows;
	}

}
