package io.soc2ops.access;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.header;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import com.google.gson.Gson;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.element.ButtonElement;
import com.slack.api.util.json.GsonFactory;
import com.slack.api.webhook.Payload;

import io.soc2ops.alerting.RouteMessages;
import io.soc2ops.alerting.SlackText;
import io.soc2ops.evidence.Actor;
import io.soc2ops.evidence.EvidenceLedger;
import io.soc2ops.evidence.EvidenceRecord;

/**
 * Reminds reviewers of their open items once a campaign is due within
 * {@code remind-within} or overdue: at most one message per reviewer and day (listing
 * every such campaign), to the route {@code soc2ops.access.reviews.route} (none: no
 * reminders). Messages wait in the access outbox ({@link AccessMessages}, one per
 * reviewer and day by its dedupe key) until the route takes them; queueing, delivery and
 * a dead message are ledger entries.
 */
@Component
class ReviewReminders {

	static final Actor ACTOR = Actor.system("access-reviews");

	static final String TOPIC = "REVIEW_REMINDER";

	/** The campaigns one message lists, within Slack's 50 blocks. */
	static final int LISTED = 20;

	private static final Gson GSON = GsonFactory.createSnakeCase();

	private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);

	private final ReviewCampaignStore campaigns;

	private final AccessMessages messages;

	private final RouteMessages routes;

	private final ReviewSettings settings;

	private final EvidenceLedger ledger;

	private final TransactionTemplate transactions;

	private final Clock clock;

	ReviewReminders(ReviewCampaignStore campaigns, AccessMessages messages, RouteMessages routes,
			ReviewSettings settings, EvidenceLedger ledger, TransactionTemplate transactions, Clock clock) {
		this.campaigns = campaigns;
		this.messages = messages;
		this.routes = routes;
		this.settings = settings;
		this.ledger = ledger;
		this.transactions = transactions;
		this.clock = clock;
	}

	/** The outbox topic of reminders, with the reviews' retry settings. */
	static AccessMessageTopic topic(ReviewSettings settings) {
		return new AccessMessageTopic(TOPIC, ACTOR, "access.review-reminder-delivered", "access.review-reminder-dead",
				settings.firstRetry(), settings.maxRetry());
	}

	/**
	 * Queues today's reminders not queued yet (the access outbox's task posts them).
	 * Outside a transaction.
	 * @return how many were queued
	 */
	int sweep() {
		return settings.reminding() ? queue() : 0;
	}

	private int queue() {
		Instant now = clock.instant();
		LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
		var due = campaigns.openDueBy(now.plus(settings.remindWithin()), now)
			.stream()
			.collect(Collectors.toMap(ReviewCampaign::id, Function.identity(), (a, b) -> a, LinkedHashMap::new));
		var byReviewer = campaigns.openItems(due.keySet())
			.stream()
			.collect(Collectors.groupingBy(ReviewCampaignStore.OpenItems::reviewer, LinkedHashMap::new,
					Collectors.toList()));
		int queued = 0;
		for (var entry : byReviewer.entrySet()) {
			String reviewer = entry.getKey();
			var open = entry.getValue();
			try {
				Boolean done = transactions.execute(status -> queue(reviewer, open, due, today, now));
				queued += Boolean.TRUE.equals(done) ? 1 : 0;
			}
			catch (DuplicateKeyException ex) {
				// another instance queued it first
			}
		}
		return queued;
	}

	private boolean queue(String reviewer, List<ReviewCampaignStore.OpenItems> open, Map<Long, ReviewCampaign> due,
			LocalDate today, Instant now) {
		String id = UUID.randomUUID().toString();
		long items = open.stream().mapToLong(ReviewCampaignStore.OpenItems::items).sum();
		var listed = new ArrayList<Map<String, Object>>();
		for (var line : open) {
			var campaign = due.get(line.campaign());
			var shown = new LinkedHashMap<String, Object>();
			shown.put("campaign", campaign.id());
			shown.put("name", campaign.name());
			shown.put("open", line.items());
			shown.put("dueAt", campaign.dueAt().toString());
			listed.add(shown);
		}
		var details = new LinkedHashMap<String, Object>();
		details.put("reviewer", reviewer);
		details.put("route", settings.route());
		details.put("items", items);
		if (!messages.queue(new AccessMessages.Draft(id, TOPIC, "access-review-reminder:" + id, settings.route(),
				payload(id, reviewer, open, due, items, now), details,
				"access-review-reminder:" + reviewer + ":" + today), now)) {
			return false;
		}
		var payload = new LinkedHashMap<String, Object>();
		payload.put("reviewer", reviewer);
		payload.put("day", today.toString());
		payload.put("route", settings.route());
		payload.put("items", items);
		payload.put("campaigns", listed);
		record("access.review-reminder-queued", id, payload, now);
		return true;
	}

	/** The reminder as an incoming webhook takes it (Block Kit). */
	private String payload(String id, String reviewer, List<ReviewCampaignStore.OpenItems> open,
			Map<Long, ReviewCampaign> due, long items, Instant now) {
		String headline = "🔎 Access review: " + items + " item" + (items == 1 ? "" : "s") + " for " + reviewer;
		var blocks = new ArrayList<LayoutBlock>();
		blocks.add(header(h -> h.text(plainText(SlackText.plain(headline, SlackText.HEADER)))));
		blocks.add(section(s -> s.text(markdownText(SlackText.fit(
				"*" + SlackText.mrkdwn(reviewer, 100)
						+ "* has access to keep or revoke. A decision is recorded as audit evidence.",
				SlackText.SECTION)))));
		for (var line : open.subList(0, Math.min(LISTED, open.size()))) {
			var campaign = due.get(line.campaign());
			boolean overdue = !now.isBefore(campaign.dueAt());
			String text = "*" + SlackText.mrkdwn(campaign.name(), 200) + "* · " + line.items() + " open · "
					+ (overdue ? "*overdue* since " : "due by end of ")
					+ DAY.format(overdue ? campaign.dueAt() : campaign.dueAt().minusSeconds(1)) + " UTC";
			String link = routes.link("/access/reviews/" + campaign.id() + "?reviewer=" + reviewer + "&status=open");
			blocks.add(section(s -> s.text(markdownText(text))
				.accessory(ButtonElement.builder()
					.actionId("review-" + campaign.id())
					.text(plainText("Review"))
					.url(SlackText.plain(link, SlackText.URL))
					.build())));
		}
		if (open.size() > LISTED) {
			blocks.add(context(List.of(markdownText("… and " + (open.size() - LISTED) + " more campaigns"))));
		}
		blocks.add(actions(List.of(ButtonElement.builder()
			.actionId("reviews")
			.text(plainText("Access reviews in soc2ops"))
			.url(SlackText.plain(routes.link("/access/reviews"), SlackText.URL))
			.style("primary")
			.build())));
		blocks.add(context(List.of(markdownText("soc2ops access review reminder " + id))));
		return GSON.toJson(Payload.builder().text(SlackText.mrkdwn(headline, 1500)).blocks(blocks).build());
	}

	private void record(String action, String id, Map<String, Object> payload, Instant now) {
		ledger.record(new EvidenceRecord(action, ACTOR, "access", "access-review-reminder:" + id,
				LocalDate.ofInstant(now, ZoneOffset.UTC), payload));
	}

}
