package io.soc2ops.access;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

import io.soc2ops.evidence.EvidenceEntry;
import io.soc2ops.evidence.EvidenceLedger;
import tools.jackson.databind.json.JsonMapper;

/**
 * A campaign's evidence as one ZIP: {@code items.csv} (every item, its reviewer,
 * decision, comment and removal), {@code summary.json} (the campaign, its digest as
 * stored and as recomputed from the items now, the counts per reviewer, what was revoked
 * and whether its removal is done, and the campaign's ledger entries) and
 * {@code summary.html}, the same for print. One pass over a cursor: half a million items
 * never sit in memory.
 */
@Component
class ReviewEvidence {

	static final List<String> COLUMNS = List.of("item", "account", "kind", "person", "principal", "entitlement",
			"entitlement_ref", "via", "first_seen", "reviewer", "reviewer_source", "decision", "comment", "decided_by",
			"decided_at", "removal", "removal_state", "removal_done_at");

	/** The revoked items summary.json lists one by one; items.csv has them all. */
	static final int REVOKED_LISTED = 10_000;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final ReviewCampaignStore store;

	private final EvidenceLedger ledger;

	private final Clock clock;

	ReviewEvidence(ReviewCampaignStore store, EvidenceLedger ledger, Clock clock) {
		this.store = store;
		this.ledger = ledger;
		this.clock = clock;
	}

	void write(ReviewCampaign campaign, OutputStream out) throws IOException {
		// finished, never closed: the caller owns the stream
		var zip = new ZipOutputStream(out);
		zip.putNextEntry(new ZipEntry("items.csv"));
		Writer writer = new OutputStreamWriter(zip, StandardCharsets.UTF_8);
		var tally = new Tally();
		var csv = new ReviewCsv(writer);
		csv.row(COLUMNS);
		try {
			store.forEachWithRemoval(campaign.id(), row -> {
				tally.add(row);
				try {
					csv.row(row(row));
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			});
		}
		catch (UncheckedIOException ex) {
			throw ex.getCause();
		}
		writer.flush();
		zip.closeEntry();
		var summary = summary(campaign, tally);
		zip.putNextEntry(new ZipEntry("summary.json"));
		zip.write(JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(summary));
		zip.closeEntry();
		zip.putNextEntry(new ZipEntry("summary.html"));
		zip.write(ReviewEvidencePage.html(summary).getBytes(StandardCharsets.UTF_8));
		zip.closeEntry();
		zip.finish();
		zip.flush();
	}

	private static List<String> row(ReviewCampaignStore.ItemWithRemoval row) {
		var item = row.item();
		return List.of(Long.toString(item.id()), item.accountId(), item.kind().name(), item.person().value(),
				item.principal(), item.entitlement(), item.entitlementRef(), item.via(), item.firstSeen().toString(),
				item.reviewer().orElse(""), item.reviewerSource().name(), item.decision().map(Enum::name).orElse(""),
				item.comment().orElse(""), item.decidedBy().orElse(""),
				item.decidedAt().map(Object::toString).orElse(""), item.removalId().map(String::valueOf).orElse(""),
				row.removalState(), row.doneAt().map(Object::toString).orElse(""));
	}

	private Map<String, Object> summary(ReviewCampaign campaign, Tally tally) {
		var summary = new LinkedHashMap<String, Object>();
		var about = new LinkedHashMap<String, Object>();
		about.put("id", campaign.id());
		about.put("name", campaign.name());
		about.put("accounts", campaign.scope().allAccounts() ? "all" : campaign.scope().accounts());
		about.put("kinds", campaign.scope().kinds().isEmpty() ? "all" : campaign.scope().kindsColumn());
		about.put("snapshotAt", campaign.snapshotAt().toString());
		about.put("dueAt", campaign.dueAt().toString());
		about.put("createdAt", campaign.createdAt().toString());
		about.put("createdBy", campaign.createdBy());
		about.put("state", campaign.state().name());
		about.put("completedAt", campaign.completedAt().map(Object::toString).orElse(null));
		summary.put("campaign", about);
		summary.put("generatedAt", clock.instant().toString());
		String recomputed = tally.digest.hex();
		summary.put("digest", campaign.digest());
		summary.put("digestRecomputed", recomputed);
		summary.put("digestMatches", recomputed.equals(campaign.digest()));
		summary.put("decisionsDigest", tally.decisions.hex());
		var counts = new LinkedHashMap<String, Object>();
		counts.put("items", tally.items);
		counts.put("kept", tally.kept);
		counts.put("revoked", tally.revoked);
		counts.put("open", tally.items - tally.kept - tally.revoked);
		counts.put("removalsDone", tally.removalsDone);
		counts.put("removalsVerified", tally.removalsVerified);
		summary.put("counts", counts);
		var reviewers = new ArrayList<Map<String, Object>>();
		tally.reviewers.forEach((reviewer, c) -> {
			var line = new LinkedHashMap<String, Object>();
			line.put("reviewer", reviewer);
			line.put("items", c[0]);
			line.put("kept", c[1]);
			line.put("revoked", c[2]);
			line.put("open", c[0] - c[1] - c[2]);
			reviewers.add(line);
		});
		summary.put("reviewers", reviewers);
		summary.put("revoked", tally.revokedListed);
		summary.put("revokedListed", tally.revokedListed.size());
		var entries = new ArrayList<Map<String, Object>>();
		for (EvidenceEntry entry : ledger.about(campaign.subject(), 1000).reversed()) {
			var line = new LinkedHashMap<String, Object>();
			line.put("sequence", entry.sequence());
			line.put("recordedAt", entry.recordedAt().toString());
			line.put("action", entry.action());
			line.put("actor", entry.actor().toString());
			line.put("hash", entry.hash());
			entries.add(line);
		}
		summary.put("ledgerEntries", entries);
		return summary;
	}

	/** What one pass over the items counts. */
	private static final class Tally {

		final ReviewDigest digest = new ReviewDigest();

		final ReviewDigest decisions = new ReviewDigest();

		final Map<String, long[]> reviewers = new TreeMap<>();

		final List<Map<String, Object>> revokedListed = new ArrayList<>();

		long items;

		long kept;

		long revoked;

		long removalsDone;

		long removalsVerified;

		void add(ReviewCampaignStore.ItemWithRemoval row) {
			var item = row.item();
			digest.add(ReviewDigest.identity(item));
			decisions.add(ReviewDigest.decision(item));
			items++;
			long[] counts = reviewers.computeIfAbsent(item.reviewer().orElse(ReviewItemFilter.UNASSIGNED),
					r -> new long[3]);
			counts[0]++;
			if (item.decision().isEmpty()) {
				return;
			}
			if (item.decision().get() == ReviewDecision.KEEP) {
				kept++;
				counts[1]++;
				return;
			}
			revoked++;
			counts[2]++;
			if (row.doneAt().isPresent()) {
				removalsDone++;
			}
			if (row.verifiedAt().isPresent()) {
				removalsVerified++;
			}
			if (revokedListed.size() < REVOKED_LISTED) {
				var line = new LinkedHashMap<String, Object>();
				line.put("item", item.id());
				line.put("account", item.accountId());
				line.put("person", item.person().value());
				line.put("principal", item.principal());
				line.put("entitlement", item.entitlement());
				line.put("via", item.via());
				line.put("reviewer", item.decidedBy().orElse(""));
				line.put("comment", item.comment().orElse(""));
				line.put("removal", item.removalId().orElse(null));
				line.put("removalState", row.removalState());
				line.put("removalDoneAt", row.doneAt().map(Object::toString).orElse(null));
				revokedListed.add(line);
			}
		}

	}

	/** HTML escaping for {@link ReviewEvidencePage}. */
	static String escaped(@Nullable Object value) {
		return HtmlUtils.htmlEscape(String.valueOf(value));
	}

}
