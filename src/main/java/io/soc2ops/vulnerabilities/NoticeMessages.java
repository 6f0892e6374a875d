package io.soc2ops.vulnerabilities;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.header;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import com.google.gson.Gson;
import com.slack.api.model.Message;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.composition.TextObject;
import com.slack.api.model.block.element.ButtonElement;
import com.slack.api.util.json.GsonFactory;
import com.slack.api.webhook.Payload;

import io.soc2ops.alerting.RouteMessages;
import io.soc2ops.alerting.SlackText;
import io.soc2ops.policies.VulnerabilitySeverity;

/**
 * The Slack messages (Block Kit, built with the Slack SDK) of notices and digests: what
 * happened in the header, counts per severity, the most urgent vulnerabilities listed
 * (CVE or title, resource, account with its name, due time), the rest counted, and a
 * button to the list in soc2ops ({@code soc2ops.public-url}). Every value from outside is
 * escaped and cut to Slack's limits ({@link SlackText}); at most
 * {@value NotificationSettings#MOST_LISTED} listed vulnerabilities keep a message well
 * within Slack's 50 blocks. The notification's ID and kind are in its {@code metadata}.
 */
@Component
class NoticeMessages {

	static final String EVENT_TYPE = "soc2ops_vulnerability_notification";

	static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
		.withZone(ZoneOffset.UTC);

	private static final Gson GSON = GsonFactory.createSnakeCase();

	private final RouteMessages site;

	NoticeMessages(RouteMessages site) {
		this.site = site;
	}

	/**
	 * What one route is told of the vulnerabilities a sweep flagged.
	 *
	 * @param teams the teams they belong to ({@code ""}: no team)
	 * @param counts how many of each severity
	 * @param listed the most urgent of them
	 */
	record Flagged(NoticeKind kind, List<String> teams, Map<VulnerabilitySeverity, Long> counts,
			List<ListedVulnerability> listed) {

		Flagged {
			teams = List.copyOf(teams);
			counts = Map.copyOf(counts);
			listed = List.copyOf(listed);
		}

		long total() {
			return counts.values().stream().mapToLong(Long::longValue).sum();
		}

	}

	/** The message about flagged vulnerabilities, as an incoming webhook takes it. */
	String flagged(String id, Flagged flagged, Duration dueWithin, Instant now) {
		long total = flagged.total();
		boolean breached = flagged.kind() == NoticeKind.BREACHED;
		String headline = breached ? "🚨 " + vulnerabilities(total) + " breached the SLA"
				: "⏰ " + vulnerabilities(total) + " due within " + span(dueWithin);
		String summary = (breached
				? "*" + vulnerabilities(total) + "* passed the due time the approved vulnerability policy gives "
						+ (total == 1 ? "it" : "them") + ", unfixed and without an approved exception"
				: "*" + vulnerabilities(total) + "* must be fixed within " + span(dueWithin)
						+ " to stay within the approved SLA")
				+ teams(flagged.teams()) + ".";
		var blocks = new ArrayList<LayoutBlock>();
		blocks.add(header(h -> h.text(plainText(SlackText.plain(headline, SlackText.HEADER)))));
		blocks.add(section(s -> s.text(markdownText(SlackText.fit(summary, SlackText.SECTION)))
			.fields(severityFields(flagged.counts()))));
		listed(blocks, flagged.listed(), total, now);
		String status = breached ? "overdue" : "open";
		blocks.add(actions(List
			.of(button("list", breached ? "Overdue vulnerabilities in soc2ops" : "Open vulnerabilities in soc2ops",
					site.link("/vulnerabilities?status=" + status), "primary"))));
		blocks.add(footer(id));
		return json(headline + ": " + counts(flagged.counts()), blocks, id, flagged.kind(), total);
	}

	/** A team's weekly digest, as an incoming webhook takes it. */
	String digest(String id, TeamWeek week, List<ListedVulnerability> oldestOverdue, LocalDate weekOf,
			NotificationSettings.Digest schedule, Instant now) {
		String team = week.team().isEmpty() ? "vulnerabilities without a team" : "team " + week.team();
		String headline = "📋 Weekly vulnerabilities: " + team;
		var fields = new ArrayList<TextObject>();
		fields.add(field("Overdue", counts(week.bySeverity(VulnerabilityStatus.OVERDUE))));
		fields.add(field("Open", counts(week.bySeverity(VulnerabilityStatus.OPEN))));
		fields.add(field("Excepted", counts(week.bySeverity(VulnerabilityStatus.EXCEPTED))));
		fields.add(field("Newly overdue, last 7 days", String.valueOf(week.newlyOverdue())));
		long fixed = week.count(VulnerabilityStatus.FIXED);
		fields.add(
				field("Fixed, last 7 days", fixed + (fixed == 0 ? "" : " (" + week.fixedWithinSla() + " within SLA)")));
		var blocks = new ArrayList<LayoutBlock>();
		blocks.add(header(h -> h.text(plainText(SlackText.plain(headline, SlackText.HEADER)))));
		blocks.add(section(s -> s.text(markdownText(SlackText.fit(
				"Week of " + weekOf + " (" + schedule.day().getDisplayName(TextStyle.SHORT, Locale.ENGLISH) + " "
						+ schedule.time() + " " + schedule.zone() + "), as of " + TIME.format(now) + ".",
				SlackText.SECTION)))
			.fields(fields)));
		long overdue = week.count(VulnerabilityStatus.OVERDUE);
		if (!oldestOverdue.isEmpty()) {
			blocks.add(section(s -> s.text(markdownText("*Longest overdue*"))));
			listed(blocks, oldestOverdue, overdue, now);
		}
		String query = week.team().isEmpty() ? "" : "&team=" + URLEncoder.encode(week.team(), StandardCharsets.UTF_8);
		blocks.add(actions(List.of(button("list", "Overdue vulnerabilities in soc2ops",
				site.link("/vulnerabilities?status=overdue" + query), "primary"))));
		blocks.add(footer(id));
		return json(headline + ": " + overdue + " overdue, " + week.count(VulnerabilityStatus.OPEN) + " open, " + fixed
				+ " fixed in the last 7 days", blocks, id, NoticeKind.DIGEST, overdue);
	}

	private void listed(List<LayoutBlock> blocks, List<ListedVulnerability> listed, long total, Instant now) {
		for (var item : listed) {
			blocks.add(section(s -> s.text(markdownText(line(item, now)))
				.accessory(button("view-" + item.id(), "View", site.link("/vulnerabilities/" + item.id()), null))));
		}
		if (total > listed.size()) {
			blocks.add(context(List.of(markdownText("… and " + (total - listed.size()) + " more"))));
		}
	}

	/** Severity and title; account, Region and resource; the due time. */
	private String line(ListedVulnerability item, Instant now) {
		String title = item.cve() != null && !item.title().contains(item.cve()) ? item.cve() + " - " + item.title()
				: item.title();
		Duration left = Duration.between(now, item.dueAt());
		return "*" + item.severity() + "* · " + SlackText.mrkdwn(title, 300) + "\n"
				+ SlackText.mrkdwn(site.account(item.accountId()) + " · " + item.region() + " · " + item.resourceType(),
						400)
				+ " " + SlackText.code(item.resourceId(), 500)
				+ (item.team().isEmpty() ? "" : " · team " + SlackText.mrkdwn(item.team(), 100)) + "\nDue "
				+ TIME.format(item.dueAt()) + " · "
				+ (left.isNegative() ? "overdue by " + span(left.negated()) : span(left) + " left");
	}

	private String json(String fallback, List<LayoutBlock> blocks, String id, NoticeKind kind, long count) {
		var metadata = new LinkedHashMap<String, Object>();
		metadata.put("notification_id", id);
		metadata.put("kind", kind.name());
		metadata.put("count", count);
		return GSON.toJson(Payload.builder()
			.text(SlackText.mrkdwn(fallback, 1500))
			.blocks(blocks)
			.metadata(Message.Metadata.builder().eventType(EVENT_TYPE).eventPayload(metadata).build())
			.build());
	}

	private static LayoutBlock footer(String id) {
		return context(List.of(markdownText("soc2ops vulnerability notification " + id)));
	}

	private static List<TextObject> severityFields(Map<VulnerabilitySeverity, Long> counts) {
		var fields = new ArrayList<TextObject>();
		for (var severity : VulnerabilitySeverity.values()) {
			long count = counts.getOrDefault(severity, 0L);
			if (count > 0) {
				fields.add(field(severity.name(), String.valueOf(count)));
			}
		}
		return fields;
	}

	private static TextObject field(String label, String value) {
		return markdownText(SlackText.fit("*" + label + "*\n" + value, SlackText.FIELD));
	}

	private static ButtonElement button(String action, String text, String url, @Nullable String style) {
		return ButtonElement.builder()
			.actionId(SlackText.plain(action, 255))
			.text(plainText(SlackText.plain(text, SlackText.BUTTON)))
			.url(url)
			.style(style)
			.build();
	}

	/** "CRITICAL 1 · HIGH 2", or "none". */
	static String counts(Map<VulnerabilitySeverity, Long> counts) {
		String text = Arrays.stream(VulnerabilitySeverity.values())
			.filter(severity -> counts.getOrDefault(severity, 0L) > 0)
			.map(severity -> severity + " " + counts.get(severity))
			.collect(Collectors.joining(" · "));
		return text.isEmpty() ? "none" : text;
	}

	private static String teams(List<String> teams) {
		var named = teams.stream().filter(team -> !team.isEmpty()).map(team -> SlackText.mrkdwn(team, 100)).toList();
		if (named.isEmpty()) {
			return "";
		}
		String shown = String.join(", ", named.subList(0, Math.min(5, named.size())));
		return " (team" + (named.size() == 1 ? " " : "s ") + shown
				+ (named.size() > 5 ? " and " + (named.size() - 5) + " more" : "")
				+ (named.size() < teams.size() ? ", and some without a team" : "") + ")";
	}

	static String vulnerabilities(long count) {
		return count + (count == 1 ? " vulnerability" : " vulnerabilities");
	}

	/** "3d 4h", "18h", "45m": the largest two units. */
	static String span(Duration duration) {
		long minutes = Math.max(0, duration.toMinutes());
		long days = minutes / (24 * 60);
		long hours = minutes / 60 % 24;
		long mins = minutes % 60;
		if (days > 0) {
			return days + "d" + (hours > 0 ? " " + hours + "h" : "");
		}
		if (hours > 0) {
			return hours + "h" + (mins > 0 ? " " + mins + "m" : "");
		}
		return mins + "m";
	}

}
