package io.soc2ops.catalog;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.springframework.core.io.Resource;

/**
 * A tab-separated catalog file: {@code #} comments (one of which may be
 * {@code # version: X}), a header line, then one record per line. Knows the line of every
 * record so a problem can be pointed at.
 */
final class TsvFile {

	private final String name;

	private final List<String> header;

	private final List<Row> rows;

	private final Optional<String> version;

	private TsvFile(String name, List<String> header, List<Row> rows, Optional<String> version) {
		this.name = name;
		this.header = header;
		this.rows = rows;
		this.version = version;
	}

	static TsvFile read(String name, Resource resource, List<String> expectedHeader) {
		try (var reader = new BufferedReader(
				new InputStreamReader(resource.getInputStream(), StandardCharsets.UTF_8))) {
			List<String> header = null;
			List<Row> rows = new ArrayList<>();
			String version = null;
			String line;
			int number = 0;
			while ((line = reader.readLine()) != null) {
				number++;
				if (line.isBlank()) {
					continue;
				}
				if (line.startsWith("#")) {
					String comment = line.substring(1).strip();
					if (comment.startsWith("version:")) {
						version = comment.substring("version:".length()).strip();
					}
					continue;
				}
				List<String> fields = Arrays.asList(line.split("\t", -1));
				if (header == null) {
					if (!fields.equals(expectedHeader)) {
						throw new CatalogFileException(name, number, "header must be "
								+ String.join(" | ", expectedHeader) + " but was " + String.join(" | ", fields));
					}
					header = fields;
					continue;
				}
				if (fields.size() != expectedHeader.size()) {
					throw new CatalogFileException(name, number,
							"expected " + expectedHeader.size() + " tab-separated fields but found " + fields.size());
				}
				rows.add(new Row(name, number, header, fields));
			}
			if (header == null) {
				throw new CatalogFileException(name, 0,
						"no header line (the file is empty or has only comments); expected "
								+ String.join(" | ", expectedHeader));
			}
			return new TsvFile(name, header, rows, Optional.ofNullable(version));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read catalog file " + name, ex);
		}
	}

	String name() {
		return name;
	}

	List<Row> rows() {
		return rows;
	}

	String requireVersion() {
		return version.orElseThrow(() -> new CatalogFileException(name, 0, "missing '# version: ...' line"));
	}

	List<String> header() {
		return header;
	}

	/** One record, with where it came from. */
	record Row(String file, int line, List<String> header, List<String> fields) {

		String get(String column) {
			return fields.get(header.indexOf(column)).strip();
		}

		String required(String column) {
			String value = get(column);
			if (value.isEmpty()) {
				throw problem(column + " is empty");
			}
			return value;
		}

		<T> List<T> list(String column, Function<String, T> parse) {
			String value = get(column);
			if (value.isEmpty()) {
				return List.of();
			}
			return Arrays.stream(value.split(";")).map(String::strip).map(item -> {
				try {
					return parse.apply(item);
				}
				catch (IllegalArgumentException ex) {
					throw problem(column + ": " + ex.getMessage());
				}
			}).toList();
		}

		CatalogFileException problem(String message) {
			return new CatalogFileException(file, line, message);
		}

	}

}
