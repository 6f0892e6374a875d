package io.soc2ops.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import io.soc2ops.aws.AwsAccounts;
import io.soc2ops.catalog.CriterionReadiness;
import io.soc2ops.catalog.Readiness;
import io.soc2ops.catalog.ReadinessStatus;

/**
 * The readiness map: one tile per criterion, grouped, coloured by status.
 */
@Controller
class DashboardController {

	private final Readiness readiness;

	private final AwsAccounts accounts;

	DashboardController(Readiness readiness, AwsAccounts accounts) {
		this.readiness = readiness;
		this.accounts = accounts;
	}

	@GetMapping("/")
	String dashboard(Model model) {
		var map = readiness.map();
		Map<String, List<CriterionReadiness>> groups = map.stream()
			.collect(Collectors.groupingBy(c -> c.criterion().group(), LinkedHashMap::new, Collectors.toList()));
		model.addAttribute("groups", groups);
		model.addAttribute("summary", StatusSummary.of(map.stream().map(CriterionReadiness::status).toList()));
		model.addAttribute("accounts", accounts.all());
		return "dashboard";
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
