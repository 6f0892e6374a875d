package io.soc2ops.access;

import java.time.Instant;

/**
 * One thing the credential checks found for a user of an account's credential report.
 *
 * @param user the IAM user name, or {@code <root_account>}
 * @param detail what was found, in English, with the dates it rests on
 * @param reportGeneratedAt when the report it was found in was generated: the checks
 * count days up to then
 */
public record CredentialFinding(String accountId, String user, CredentialFindingKind kind, String detail,
		Instant reportGeneratedAt) {

}
