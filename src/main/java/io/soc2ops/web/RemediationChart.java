package io.soc2ops.web;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import io.soc2ops.policies.VulnerabilitySeverity;
import io.soc2ops.vulnerabilities.RemediationHistory;
import io.soc2ops.vulnerabilities.RemediationMonth;

/**
 * A month-by-month line chart of one measure per severity, laid out for an inline SVG:
 * one line per severity that had fixes, a gap across months without any, a point per
 * month with data, and the axes' ticks. The page gives the same figures as a table.
 *
 * @param highest the top of the value axis
 */
record RemediationChart(List<Tick> ticks, List<MonthTick> months, List<Series> series, double highest) {

	static final int WIDTH = 640;

	static final int HEIGHT = 220;

	static final int LEFT = 44;

	static final int RIGHT = 12;

	static final int TOP = 12;

	static final int BOTTOM = 28;

	RemediationChart {
		ticks = List.copyOf(ticks);
		months = List.copyOf(months);
		series = List.copyOf(series);
	}

	/** The share fixed within the SLA, 0-100 %, of those with a deadline fixed. */
	static RemediationChart compliance(RemediationHistory history) {
		return of(history, RemediationMonth::compliancePercent, 100, "%");
	}

	/** The mean days from clock start to fix, of those fixed in the month. */
	static RemediationChart meanTimeToRemediate(RemediationHistory history) {
		double highest = 0;
		for (var severity : VulnerabilitySeverity.values()) {
			for (var month : history.of(severity)) {
				highest = Math.max(highest, month.meanDaysToRemediate().orElse(0.0));
			}
		}
		return of(history, RemediationMonth::meanDaysToRemediate, niceCeiling(highest), "");
	}

	private static RemediationChart of(RemediationHistory history, Function<RemediationMonth, Optional<Double>> value,
			double highest, String unit) {
		var ticks = new ArrayList<Tick>();
		for (int i = 0; i <= 4; i++) {
			double tick = highest * i / 4;
			ticks.add(new Tick(round(y(tick, highest)), label(tick) + unit));
		}
		var months = new ArrayList<MonthTick>();
		for (int i = 0; i < history.months().size(); i++) {
			var month = history.months().get(i);
			boolean withYear = i == 0 || month.getMonthValue() == 1;
			months.add(new MonthTick(round(x(i, history.months().size())),
					withYear ? month.toString() : String.format("%02d", month.getMonthValue())));
		}
		var series = new ArrayList<Series>();
		for (var severity : VulnerabilitySeverity.values()) {
			var cells = history.of(severity);
			if (cells.stream().noneMatch(cell -> value.apply(cell).isPresent())) {
				continue;
			}
			var path = new StringBuilder();
			var points = new ArrayList<Point>();
			boolean drawing = false;
			for (int i = 0; i < cells.size(); i++) {
				var v = value.apply(cells.get(i));
				if (v.isEmpty()) {
					drawing = false;
					continue;
				}
				double x = round(x(i, cells.size()));
				double y = round(y(v.get(), highest));
				path.append(drawing ? " L" : (path.isEmpty() ? "M" : " M")).append(x).append(' ').append(y);
				drawing = true;
				points.add(new Point(x, y, cells.get(i).month(), v.get(), cells.get(i)));
			}
			series.add(new Series(severity, path.toString(), points));
		}
		return new RemediationChart(ticks, months, series, highest);
	}

	public int width() {
		return WIDTH;
	}

	public int height() {
		return HEIGHT;
	}

	public int left() {
		return LEFT;
	}

	public int right() {
		return WIDTH - RIGHT;
	}

	public int bottom() {
		return HEIGHT - BOTTOM;
	}

	public String viewBox() {
		return "0 0 " + WIDTH + " " + HEIGHT;
	}

	public boolean isEmpty() {
		return series.isEmpty();
	}

	private static double x(int index, int count) {
		double plot = WIDTH - LEFT - RIGHT;
		return LEFT + (count < 2 ? plot / 2 : plot * index / (count - 1));
	}

	private static double y(double value, double highest) {
		double plot = HEIGHT - TOP - BOTTOM;
		return TOP + plot - (highest <= 0 ? 0 : plot * Math.min(value, highest) / highest);
	}

	/** 1, 2, 5 or 10 times a power of ten, at least {@code value} (4 at least). */
	static double niceCeiling(double value) {
		if (value <= 4) {
			return 4;
		}
		double power = Math.pow(10, Math.floor(Math.log10(value)));
		for (double step : new double[] { 1, 2, 4, 5, 10 }) {
			if (step * power >= value) {
				return step * power;
			}
		}
		return 10 * power;
	}

	private static String label(double value) {
		return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(round(value));
	}

	private static double round(double value) {
		return Math.round(value * 10) / 10.0;
	}

	/** A value-axis line: its height and its label. */
	record Tick(double y, String label) {
	}

	/** A month on the time axis. */
	record MonthTick(double x, String label) {
	}

	/** One severity's line and its points. */
	record Series(VulnerabilitySeverity severity, String path, List<Point> points) {

		Series {
			points = List.copyOf(points);
		}

	}

	/** One month's value of one severity. */
	record Point(double x, double y, YearMonth month, double value, RemediationMonth cell) {
	}

}
