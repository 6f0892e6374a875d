package io.soc2ops.alerting;

import java.util.List;

/**
 * An alert and the response to it: its case, the case's targets at the moment it was
 * read, and its timeline, oldest first.
 */
public record CaseFile(Alert alert, AlertCase alertCase, CaseDeadlines deadlines, List<CaseEvent> timeline) {

	public CaseFile {
		timeline = List.copyOf(timeline);
	}

}
