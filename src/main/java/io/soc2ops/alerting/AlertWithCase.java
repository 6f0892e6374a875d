package io.soc2ops.alerting;

/** An alert and its case, as read together. */
record AlertWithCase(Alert alert, AlertCase alertCase) {

}
