package io.soc2ops.alerting;

/** An alert with its case and the case's targets, as a list shows them. */
public record CaseSummary(Alert alert, AlertCase alertCase, CaseDeadlines deadlines) {

}
