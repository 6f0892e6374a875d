package io.soc2ops.web;

import java.util.List;
import java.util.Optional;

import io.soc2ops.catalog.ReadinessOnDay;

/**
 * A Security Hub control's failing resources per day as an SVG path: lines between days
 * with a snapshot, a gap across days without one.
 *
 * @param recorded whether the control had findings on any day of the period with a
 * snapshot
 */
record Sparkline(String securityHubControlId, String path, long highest, long latest, boolean recorded) {

	static final int WIDTH = 120;

	static final int HEIGHT = 24;

	static Sparkline of(String securityHubControlId, List<ReadinessOnDay> days) {
		List<Optional<Long>> values = days.stream().map(d -> d.failingResources(securityHubControlId)).toList();
		long highest = values.stream().flatMap(Optional::stream).mapToLong(Long::longValue).max().orElse(0);
		long latest = 0;
		double step = values.size() < 2 ? 0 : (double) WIDTH / (values.size() - 1);
		var path = new StringBuilder();
		boolean drawing = false;
		for (int i = 0; i < values.size(); i++) {
			var value = values.get(i);
			if (value.isEmpty()) {
				drawing = false;
				continue;
			}
			latest = value.get();
			double y = (HEIGHT - 2) - (highest == 0 ? 0 : (double) value.get() * (HEIGHT - 4) / highest);
			path.append(drawing ? " L" : (path.isEmpty() ? "M" : " M"))
				.append(round(i * step))
				.append(' ')
				.append(round(y));
			boolean nextMissing = i + 1 >= values.size() || values.get(i + 1).isEmpty();
			if (!drawing && nextMissing) {
				// a lone day still shows as a dot
				path.append(" h1");
			}
			drawing = true;
		}
		return new Sparkline(securityHubControlId, path.toString(), highest, latest,
				days.stream().anyMatch(d -> d.hasResults(securityHubControlId)));
	}

	private static String round(double value) {
		return String.valueOf(Math.round(value * 10) / 10.0);
	}

}
