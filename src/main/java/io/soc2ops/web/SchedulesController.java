package io.soc2ops.web;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import io.soc2ops.schedule.Schedule;
import io.soc2ops.schedule.ScheduleStatus;
import io.soc2ops.schedule.Schedules;

/**
 * The recurring tasks: when each last ran, how that went and when it runs next.
 */
@Controller
class SchedulesController {

	private final Schedules schedules;

	private final MessageSource messages;

	SchedulesController(Schedules schedules, MessageSource messages) {
		this.schedules = schedules;
		this.messages = messages;
	}

	@GetMapping("/schedules")
	String schedules(Locale locale, Model model) {
		model.addAttribute("rows",
				schedules.status()
					.stream()
					.map(status -> new Row(status, describe(status.schedule(), locale)))
					.toList());
		model.addAttribute("runHere", schedules.runHere());
		model.addAttribute("instance", schedules.instanceName());
		return "schedules";
	}

	private String describe(Schedule schedule, Locale locale) {
		return switch (schedule) {
			case Schedule.FixedDelay fixed ->
				messages.getMessage("schedules.every", new Object[] { fixed.text() }, locale);
			case Schedule.DailyAt daily ->
				messages.getMessage("schedules.daily", new Object[] { daily.time(), zone(daily.zone()) }, locale);
		};
	}

	private static String zone(ZoneId zone) {
		return zone.normalized().equals(ZoneOffset.UTC) ? "UTC" : zone.getId();
	}

	/** A task's status with its schedule in words. */
	record Row(ScheduleStatus status, String schedule) {

	}

}
