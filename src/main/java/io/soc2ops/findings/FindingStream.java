package io.soc2ops.findings;

import java.io.InputStream;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads findings one at a time from every shape they come in: a JSON array of ASFF or
 * OCSF findings, {@code {"Findings": [...]}} as {@code GetFindings} and
 * {@code GetFindingsV2} return it, EventBridge envelopes of Security Hub CSPM ("Security
 * Hub Findings - Imported") and of the new Security Hub ("Findings Imported V2"), one per
 * line or as an array, each with its findings in {@code detail.findings}, or findings one
 * per line. Only one finding is in memory at a time, so a 1 GB file needs no more memory
 * than a small one.
 */
final class FindingStream {

	static final String IMPORTED = "Security Hub Findings - Imported";

	static final String IMPORTED_V2 = "Findings Imported V2";

	// findings are read one at a time from a longer stream: what follows each is not an
	// error
	private static final JsonMapper JSON = JsonMapper.builder()
		.disable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
		.build();

	private final InputStream input;

	private final Consumer<Incoming> sink;

	private long record;

	/** One finding as read, with where it was and the envelope it came in, if any. */
	record Incoming(long record, int line, JsonNode finding, @Nullable JsonNode envelope) {
	}

	private FindingStream(InputStream input, Consumer<Incoming> sink) {
		this.input = input;
		this.sink = sink;
	}

	static void read(InputStream input, Consumer<Incoming> sink) {
		new FindingStream(input, sink).readAll();
	}

	private void readAll() {
		try (JsonParser parser = JSON.createParser(input)) {
			JsonToken token;
			while ((token = next(parser)) != null) {
				int line = parser.currentTokenLocation().getLineNr();
				switch (token) {
					case START_ARRAY -> array(parser);
					case START_OBJECT -> object(parser, line);
					default -> throw FindingRejected.at(record + 1, line, "(input)",
							"expected a JSON array or object but found " + token);
				}
			}
			if (record == 0) {
				throw FindingRejected.input("the input holds no findings");
			}
		}
	}

	private void array(JsonParser parser) {
		JsonToken token;
		while ((token = next(parser)) != JsonToken.END_ARRAY) {
			if (token == null) {
				throw FindingRejected.at(record + 1, 0, "(input)", "the input ends inside an array (truncated?)");
			}
			int line = parser.currentTokenLocation().getLineNr();
			element(tree(parser, line), line);
		}
	}

	/**
	 * A root object is a {@code GetFindings} or {@code GetFindingsV2} page (its
	 * {@code Findings} array streamed), or one envelope or finding read whole.
	 */
	private void object(JsonParser parser, int line) {
		ObjectNode rest = JSON.createObjectNode();
		boolean page = false;
		String name;
		while ((name = nextName(parser, line)) != null) {
			next(parser);
			if (name.equals("Findings") && parser.currentToken() == JsonToken.START_ARRAY) {
				page = true;
				array(parser);
			}
			else {
				rest.set(name, tree(parser, line));
			}
		}
		if (!page) {
			element(rest, line);
		}
	}

	private void element(JsonNode node, int line) {
		if (node.has("detail-type")) {
			envelope(node, line);
		}
		else {
			emit(node, line, null);
		}
	}

	private void envelope(JsonNode envelope, int line) {
		String detailType = envelope.path("detail-type").asString("");
		if (!detailType.equals(IMPORTED) && !detailType.equals(IMPORTED_V2)) {
			throw FindingRejected.at(record + 1, line, "detail-type", "'" + detailType
					+ "' is not a Security Hub findings event ('" + IMPORTED + "' or '" + IMPORTED_V2 + "')");
		}
		var findings = envelope.path("detail").path("findings");
		if (!findings.isArray() || findings.isEmpty()) {
			throw FindingRejected.at(record + 1, line, "detail.findings", "must be a non-empty array of findings");
		}
		for (var finding : findings) {
			emit(finding, line, envelope);
		}
	}

	private void emit(JsonNode finding, int line, @Nullable JsonNode envelope) {
		record++;
		sink.accept(new Incoming(record, line, finding, envelope));
	}

	private @Nullable JsonToken next(JsonParser parser) {
		try {
			return parser.nextToken();
		}
		catch (JacksonException ex) {
			throw malformed(ex);
		}
	}

	private @Nullable String nextName(JsonParser parser, int line) {
		try {
			return parser.nextName();
		}
		catch (JacksonException ex) {
			throw malformed(ex);
		}
	}

	private JsonNode tree(JsonParser parser, int line) {
		try {
			return JSON.readTree(parser);
		}
		catch (JacksonException ex) {
			throw malformed(ex);
		}
	}

	private FindingRejected malformed(JacksonException ex) {
		var where = ex.getLocation();
		String problem = ex.getOriginalMessage().lines().findFirst().orElse("malformed JSON");
		return FindingRejected.at(record + 1, where == null ? 0 : where.getLineNr(), "(JSON)",
				problem + (problem.contains("end-of-input") ? " (is the input truncated?)" : ""));
	}

}
