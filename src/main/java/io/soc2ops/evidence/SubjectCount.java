package io.soc2ops.evidence;

import java.time.LocalDate;

/**
 * How much evidence exists about one subject, and the latest day it is evidence for.
 */
public record SubjectCount(String subject, long entries, LocalDate latestEvidenceFor) {

}
