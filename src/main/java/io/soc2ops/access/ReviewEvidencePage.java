package io.soc2ops.access;

import static io.soc2ops.access.ReviewEvidence.escaped;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The evidence summary as a page to print or save as PDF: the campaign, its digests, the
 * counts per reviewer and what was revoked. Every value is HTML-escaped.
 */
final class ReviewEvidencePage {

	private ReviewEvidencePage() {
	}

	@SuppressWarnings("unchecked")
	static String html(Map<String, Object> summary) {
		var campaign = (Map<String, Object>) summary.get("campaign");
		var counts = (Map<String, Object>) summary.get("counts");
		var page = new StringBuilder(8192);
		page.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Access review ")
			.append(escaped(campaign.get("id")))
			.append(" evidence</title><style>body{font:11pt sans-serif;margin:2em}table{border-collapse:collapse;"
					+ "margin:1em 0}td,th{border:1px solid #999;padding:2px 6px;text-align:left;vertical-align:top}"
					+ "code{font-size:9pt;word-break:break-all}</style></head><body>\n")
			.append("<h1>Access review ")
			.append(escaped(campaign.get("id")))
			.append(": ")
			.append(escaped(campaign.get("name")))
			.append("</h1>\n<table>\n");
		for (var entry : campaign.entrySet()) {
			row(page, entry.getKey(), entry.getValue());
		}
		row(page, "generatedAt", summary.get("generatedAt"));
		row(page, "digest (at creation)", summary.get("digest"));
		row(page, "digest (recomputed)", summary.get("digestRecomputed"));
		row(page, "digest matches", summary.get("digestMatches"));
		row(page, "decisions digest", summary.get("decisionsDigest"));
		for (var entry : counts.entrySet()) {
			row(page, entry.getKey(), entry.getValue());
		}
		page.append("</table>\n<h2>Reviewers</h2>\n<table><tr><th>reviewer</th><th>items</th><th>kept</th>"
				+ "<th>revoked</th><th>open</th></tr>\n");
		for (var reviewer : (List<Map<String, Object>>) summary.get("reviewers")) {
			cells(page, reviewer.get("reviewer"), reviewer.get("items"), reviewer.get("kept"), reviewer.get("revoked"),
					reviewer.get("open"));
		}
		page.append("</table>\n<h2>Revoked</h2>\n<table><tr><th>item</th><th>account</th><th>person</th>"
				+ "<th>principal</th><th>entitlement</th><th>via</th><th>reviewer</th><th>comment</th>"
				+ "<th>removal</th><th>state</th><th>done at</th></tr>\n");
		for (var revoked : (List<Map<String, Object>>) summary.get("revoked")) {
			cells(page, revoked.get("item"), revoked.get("account"), revoked.get("person"), revoked.get("principal"),
					revoked.get("entitlement"), revoked.get("via"), revoked.get("reviewer"), revoked.get("comment"),
					revoked.get("removal"), revoked.get("removalState"), revoked.get("removalDoneAt"));
		}
		page.append("</table>\n<h2>Ledger entries</h2>\n<table><tr><th>sequence</th><th>recorded</th>"
				+ "<th>action</th><th>actor</th><th>hash</th></tr>\n");
		for (var entry : (List<Map<String, Object>>) summary.get("ledgerEntries")) {
			page.append("<tr><td>")
				.append(escaped(entry.get("sequence")))
				.append("</td><td>")
				.append(escaped(entry.get("recordedAt")))
				.append("</td><td>")
				.append(escaped(entry.get("action")))
				.append("</td><td>")
				.append(escaped(entry.get("actor")))
				.append("</td><td><code>")
				.append(escaped(entry.get("hash")))
				.append("</code></td></tr>\n");
		}
		return page.append("</table>\n</body></html>\n").toString();
	}

	private static void row(StringBuilder page, String name, @Nullable Object value) {
		page.append("<tr><th>")
			.append(escaped(name))
			.append("</th><td>")
			.append(escaped(shown(value)))
			.append("</td></tr>\n");
	}

	private static void cells(StringBuilder page, @Nullable Object... values) {
		page.append("<tr>");
		for (Object value : values) {
			page.append("<td>").append(escaped(shown(value))).append("</td>");
		}
		page.append("</tr>\n");
	}

	private static Object shown(@Nullable Object value) {
		return value == null ? "" : value;
	}

}
