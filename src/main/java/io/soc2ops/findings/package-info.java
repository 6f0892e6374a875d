/**
 * Security Hub findings, ASFF (Security Hub CSPM) and OCSF (the new Security Hub), from
 * the API, EventBridge events and files, through one normaliser per format and one
 * upsert; their history beyond AWS's retention, kept for
 * {@code soc2ops.findings.retention}; the posture they give each Security Hub control,
 * which the catalog turns into criterion status; and a posture snapshot per day, so any
 * day of an audit period can be replayed.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Findings",
		allowedDependencies = { "catalog", "evidence", "schedule" })
@org.jspecify.annotations.NullMarked
package io.soc2ops.findings;
