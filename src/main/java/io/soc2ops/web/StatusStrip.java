package io.soc2ops.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.soc2ops.catalog.CriterionId;
import io.soc2ops.catalog.ReadinessOnDay;
import io.soc2ops.catalog.ReadinessStatus;

/**
 * A criterion's status per day, laid out as the cells of an inline SVG strip: one cell
 * per day, coloured by status, or marked as a day without a snapshot.
 */
record StatusStrip(LocalDate from, LocalDate to, List<Cell> cells) {

	static final int CELL = 8;

	static final int HEIGHT = 22;

	StatusStrip {
		cells = List.copyOf(cells);
	}

	static StatusStrip of(CriterionId criterion, List<ReadinessOnDay> days) {
		var cells = new ArrayList<Cell>();
		for (int i = 0; i < days.size(); i++) {
			cells.add(new Cell(days.get(i).day(), i * CELL, days.get(i).status(criterion)));
		}
		return new StatusStrip(days.getFirst().day(), days.getLast().day(), cells);
	}

	public int width() {
		return cells.size() * CELL;
	}

	/** What the legend explains, in the order shown. */
	public List<ReadinessStatus> statuses() {
		return List.of(ReadinessStatus.PASSING, ReadinessStatus.FAILING, ReadinessStatus.NEEDS_EVIDENCE,
				ReadinessStatus.NO_DATA);
	}

	/** One day: its status, or none when no snapshot was recorded for it. */
	record Cell(LocalDate day, int x, Optional<ReadinessStatus> status) {

		public String cssClass() {
			return status.map(s -> "status-" + s).orElse("no-snapshot");
		}

		/** The message key naming the status. */
		public String label() {
			return status.map(s -> "status." + s).orElse("overtime.nosnapshot");
		}

	}

}
