package io.soc2ops.access;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.header;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;

import java.time.Clock;
import java.time.Duration;
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

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import com.google.gson.Gson;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.element.ButtonElement;
import com.slack.api.util.json.GsonFactory;
import com.slack.api.webhook.Payload;

import io.soc2ops.alerting.PostOutcome;
import io.soc2ops.alerting.RouteMessages;
import io.soc2ops.alerting.SlackText;
import io.soc2ops.evidence.Actor;
import io.soc2ops.evidence.EvidenceLedger;
import io.soc2ops.evidence.EvidenceRecord;

/**
 * Reminds reviewers of their open items once a campaign is due within
 * {@code remind-within} or overdue: at most one message per reviewer and day (listing
 * every such campaign), to the route {@code soc2ops.access.reviews.route} (none: no
 * reminders). Messages wait in an outbox until the route takes them; queueing, delivery
 * and a dead message are ledger entries.
 */
@Component
class ReviewReminders {

	private static final Logger log = LoggerFactory.getLogger(ReviewReminders.class);

	static final Actor ACTOR = Actor.system("access-reviews");

	static final Duration LEASE = Duration.ofMinutes(5);

	static final int BATCH = 200;

	/** The campaigns one message lists, within Slack's 50 blocks. */
	static final int LISTED = 20;

	private static final Gson GSON = GsonFactory.createSnakeCase();

	private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);

	private final ReviewCampaignStore campaigns;

	private final ReviewMessageStore messages;

	private final RouteMessages routes;

	private final ReviewSettings settings;

	private final EvidenceLedger ledger;

	private final TransactionTemplate transactions;

	private final Clock clock;

	ReviewReminders(ReviewCampaignStore campaigns, ReviewMessageStore messages, RouteMessages routes,
			ReviewSettings settings, EvidenceLedger ledger, TransactionTemplate transactions, Clock clock) {
		this.campaigns = campaigns;
		this.messages = messages;
		this.routes = routes;
		this.settings = settings;
		this.ledger = ledger;
		this.transactions = transactions;
		this.clock = clock;
	}

	/**
	 * Queues today's reminders not queued yet and posts every reminder due for a try.
	 * Outside a transaction.
	 * @throws IllegalStateException when a reminder was not taken for now (it stays in
	 * the outbox), after everything else was done
	 */
	ReviewReminderRun sweep() {
		if (!settings.reminding()) {
			return new ReviewReminderRun(0, 0);
		}
		int queued = queue();
		int delivered = 0;
		int failed = 0;
		if (routes.posting()) {
			for (String id : messages.due(clock.instant(), BATCH)) {
				var outcome = deliver(id);
				delivered += outcome instanceof PostOutcome.Posted ? 1 : 0;
				failed += outcome instanceof PostOutcome.Retry ? 1 : 0;
			}
		}
		if (failed > 0) {
			throw new IllegalStateException(failed + " access review reminder(s) were not taken for now and are"
					+ " tried again later; the routes' health says why");
		}
		return new ReviewReminderRun(queued, delivered);
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
		if (messages.queued(reviewer, today)) {
			return false;
		}
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
		messages.queue(id, reviewer, today, settings.route(), items, payload(id, reviewer, open, due, items, now), now);
		var payload = new LinkedHashMap<String, Object>();
		payload.put("reviewer", reviewer);
		payload.put("day", today.toString());
		payload.put("route", settings.route());
		payload.put("items", items);
		payload.put("campaigns", listed);
		record("access.review-reminder-queued", id, payload, now);
		return true;
	}

	private PostOutcome deliver(String id) {
		Instant now = clock.instant();
		String claim = UUID.randomUUID().toString();
		var message = messages.claim(id, claim, now, now.plus(LEASE));
		if (message.isEmpty()) {
			return new PostOutcome.Permanent("claimed by another instance");
		}
		var outcome = routes.post(message.get().route(), message.get().payload());
		transactions.executeWithoutResult(status -> outcome(message.get(), claim, outcome));
		return outcome;
	}

	private void outcome(ReviewMessageStore.Message message, String claim, PostOutcome outcome) {
		Instant now = clock.instant();
		switch (outcome) {
			case PostOutcome.Posted posted -> {
				if (messages.delivered(message.id(), claim, now)) {
					record("access.review-reminder-delivered", message.id(), summary(message, null), now);
				}
			}
			case PostOutcome.Retry retry -> {
				var backoff = now.plus(backoff(message.attempts() + 1));
				var next = retry.retryAfter().map(now::plus).filter(asked -> asked.isAfter(backoff)).orElse(backoff);
				messages.failed(message.id(), claim, retry.error(), false, next);
				log.info("Access review reminder {} to route {} is tried again at {}: {}", message.id(),
						message.route(), next, retry.error());
			}
			case PostOutcome.Permanent permanent -> {
				if (messages.failed(message.id(), claim, permanent.error(), true, now)) {
					record("access.review-reminder-dead", message.id(), summary(message, permanent.error()), now);
					log.warn("Access review reminder {} to route {} is dead: {}", message.id(), message.route(),
							permanent.error());
				}
			}
		}
	}

	Duration backoff(int failures) {
		var wait = settings.firstRetry().multipliedBy(1L << Math.clamp(failures - 1, 0, 30));
		return wait.compareTo(settings.maxRetry()) > 0 || wait.isNegative() ? settings.maxRetry() : wait;
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

	private static Map<String, Object> summary(ReviewMessageStore.Message message, @Nullable String error) {
		var payload = new LinkedHashMap<String, Object>();
		payload.put("reviewer", message.reviewer());
		payload.put("route", message.route());
		payload.put("items", message.items());
		payload.put("attempts", message.attempts() + 1);
		if (error != null) {
			payload.put("error", error.length() > ReviewMessageStore.MAX_ERROR
					? error.substring(0, ReviewMessageStore.MAX_ERROR) : error);
		}
		return payload;
	}

	private void record(String action, String id, Map<String, Object> payload, Instant now) {
		ledger.record(new EvidenceRecord(action, ACTOR, "access", "access-review-reminder:" + id,
				LocalDate.ofInstant(now, ZoneOffset.UTC), payload));
	}

	/** What one sweep did. */
	record ReviewReminderRun(int queued, int delivered) {
	}

}
