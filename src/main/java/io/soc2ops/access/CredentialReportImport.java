package io.soc2ops.access;

import java.time.Instant;
import java.util.List;

/**
 * What storing a credential report did.
 *
 * @param users the report's user rows (the root account's included)
 * @param sha256 the digest of the file as given
 * @param alreadyStored the same file was stored for that moment before; nothing was
 * stored again
 * @param newest whether it is the account's newest report, so the account's IAM user
 * holdings now follow it (an older report is kept as evidence only)
 * @param userNames the report's users in the file's order
 * @param findings what the credential checks found in it
 */
public record CredentialReportImport(String accountId, int users, Instant generatedAt, String sha256,
		boolean alreadyStored, boolean newest, List<String> userNames, List<CredentialFinding> findings) {

	public CredentialReportImport {
		userNames = List.copyOf(userNames);
		findings = List.copyOf(findings);
	}

	/** What was found for one user, in the order the checks found it. */
	public List<CredentialFinding> findingsFor(String user) {
		return findings.stream().filter(finding -> finding.user().equals(user)).toList();
	}

}
