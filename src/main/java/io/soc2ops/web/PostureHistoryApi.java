package io.soc2ops.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.soc2ops.catalog.Readiness;
import io.soc2ops.catalog.ReadinessOnDay;
import io.soc2ops.findings.PostureSnapshot;
import io.soc2ops.findings.PostureSnapshots;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Findings", description = "Security Hub findings, their history, posture per control, and imports")
class PostureHistoryApi {

	private final Readiness readiness;

	private final PostureSnapshots snapshots;

	private final Clock clock;

	PostureHistoryApi(Readiness readiness, PostureSnapshots snapshots, Clock clock) {
		this.readiness = readiness;
		this.snapshots = snapshots;
		this.clock = clock;
	}

	@GetMapping("/posture/history")
	@Operation(summary = "Per day: every criterion's status and each Security Hub control's failing resources,"
			+ " replayed from the daily posture snapshots; a day without a snapshot says so (recorded: false)")
	List<DayView> history(
			@Parameter(description = "first day (YYYY-MM-DD); default 89 days before to") @RequestParam(
					required = false) @Nullable String from,
			@Parameter(description = "last day (YYYY-MM-DD), not after today; default today") @RequestParam(
					required = false) @Nullable String to) {
		var today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
		var period = DayInput.period(from, to, today);
		Map<LocalDate, PostureSnapshot> taken = snapshots.between(period.from(), period.to())
			.stream()
			.collect(Collectors.toMap(PostureSnapshot::day, Function.identity()));
		return readiness.replay(period.from(), period.to())
			.stream()
			.map(day -> DayView.of(day, day.day().equals(today) ? "CURRENT" : source(taken.get(day.day()))))
			.toList();
	}

	private static @Nullable String source(@Nullable PostureSnapshot snapshot) {
		return snapshot == null ? null : snapshot.source().name();
	}

	/**
	 * @param source CURRENT (today, from the findings now), TAKEN, REPLAYED or DEMO;
	 * absent when the day has no snapshot
	 * @param criteria status per criterion; empty when the day has no snapshot
	 * @param failingResources per Security Hub control with findings that day
	 */
	record DayView(String day, boolean recorded, @Nullable String source, Map<String, String> criteria,
			Map<String, Long> failingResources) {

		static DayView of(ReadinessOnDay day, @Nullable String source) {
			var criteria = new TreeMap<String, String>();
			day.statuses().forEach((id, status) -> criteria.put(id.value(), status.name()));
			var failing = new TreeMap<String, Long>();
			day.checkResults().values().forEach(r -> failing.put(r.securityHubControlId(), r.failingResources()));
			return new DayView(day.day().toString(), day.recorded(), day.recorded() ? source : null, criteria, failing);
		}

	}

}
