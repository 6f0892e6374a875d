package io.soc2ops.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import io.soc2ops.access.AccessReconciliation;
import io.soc2ops.aws.AwsAccounts;
import io.soc2ops.catalog.CriterionReadiness;
import io.soc2ops.catalog.Readiness;
import io.soc2ops.catalog.ReadinessStatus;
import io.soc2ops.findings.PostureSnapshots;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The readiness map: one tile per criterion, grouped, coloured by status; today's, or a
 * past day's replayed.
 */
@Controller
class DashboardController {

	private final Readiness readiness;

	private final AwsAccounts accounts;

	private final PostureSnapshots snapshots;

	private final Clock clock;

	private final MessageSource messages;

	private final AccessReconciliation reconciliation;

	DashboardController(Readiness readiness, AwsAccounts accounts, PostureSnapshots snapshots, Clock clock,
			MessageSource messages, AccessReconciliation reconciliation) {
		this.messages = messages;
		this.reconciliation = reconciliation;
		this.readiness = readiness;
		this.accounts = accounts;
		this.snapshots = snapshots;
		this.clock = clock;
	}

	/**
	 * Today's map, or with {@code asOf} a past day's, replayed from that day's posture
	 * snapshot and the control tests performed by then.
	 */
	@GetMapping("/")
	String dashboard(@RequestParam(required = false) @Nullable String asOf, Model model, HttpServletResponse response,
			Locale locale) {
		var today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
		model.addAttribute("today", today);
		model.addAttribute("accounts", accounts.all());
		@Nullable LocalDate day = null;
		try {
			day = DayInput.parse("asOf", asOf, today);
		}
		catch (DayInput.Refused ex) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			model.addAttribute("asOfProblem", messages.getMessage(ex.key(), ex.arguments(), locale));
		}
		if (day == null || day.equals(today)) {
			show(readiness.map(), model);
			// counted once a reconciliation has run, so a fresh install shows nothing
			// rather than "every holding approved"
			model.addAttribute("unapprovedAccess",
					reconciliation.latestRun().isPresent() ? reconciliation.openCount() : null);
			return "dashboard";
		}
		model.addAttribute("asOf", day);
		var replayed = readiness.mapOn(day);
		replayed.ifPresent(map -> show(map, model));
		model.addAttribute("snapshot", snapshots.on(day).orElse(null));
		return "dashboard";
	}

	private static void show(List<CriterionReadiness> map, Model model) {
		Map<String, List<CriterionReadiness>> groups = map.stream()
			.collect(Collectors.groupingBy(c -> c.criterion().group(), LinkedHashMap::new, Collectors.toList()));
		model.addAttribute("groups", groups);
		model.addAttribute("summary", StatusSummary.of(map.stream().map(CriterionReadiness::status).toList()));
	}

	/** Counts per status, with the share of each for the summary bar. */
	record StatusSummary(long total, Map<ReadinessStatus, Long> counts) {

		static StatusSummary of(List<ReadinessStatus> statuses) {
			var counts = new LinkedHashMap<ReadinessStatus, Long>();
			for (var status : List.of(ReadinessStatus.PASSING, ReadinessStatus.FAILING, ReadinessStatus.NEEDS_EVIDENCE,
					ReadinessStatus.NO_DATA)) {
				counts.put(status, statuses.stream().filter(status::equals).count());
			}
			return new StatusSummary(statuses.size(), counts);
		}

		public long percent(ReadinessStatus status) {
			return total == 0 ? 0 : Math.round(100.0 * counts.get(status) / total);
		}

	}

}
