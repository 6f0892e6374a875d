/**
 * Connections to AWS: the accounts in scope (single account or an Organization through a
 * read-only role), their Regions, credentials, rate limits, the connection check and the
 * collector, which hands Security Hub findings to the findings intake and records the
 * FND-01 control test, hands Amazon Inspector's findings to the vulnerability intake, and
 * reads each account's IAM and the Organization's IAM Identity Center into the access
 * inventory; and the SQS queue an EventBridge rule sends findings to, which the server
 * polls into the findings intake. With AWS enabled, the collection and the connection
 * check are recurring tasks. With write-back enabled too, the workflow statuses alerts
 * set are written back to Security Hub; with Identity Center assignments managed, it
 * creates and deletes account assignments for the access module; and the accounts' names
 * are the ones alerts show. AWS SDK types stay inside this module.
 */
@org.springframework.modulith.ApplicationModule(displayName = "AWS",
		allowedDependencies = { "evidence", "findings", "catalog", "schedule", "alerting", "vulnerabilities", "access",
				"policies" })
@org.jspecify.annotations.NullMarked
package io.soc2ops.aws;
