package io.soc2ops.access;

import java.time.Instant;

import org.springframework.stereotype.Service;

import io.soc2ops.evidence.Actor;

/**
 * IAM credential reports, collected or imported from a file: each one is the account's
 * dated snapshot of its users' credentials.
 */
@Service
public class CredentialReports {

	/**
	 * Checks and stores a report as the account's snapshot at {@code generatedAt}; a
	 * report with a bad header or row is refused whole, naming the line and column.
	 * @param origin {@code collector}, or {@code file:<name>}
	 */
	public CredentialReportImport store(String accountId, byte[] csv, Instant generatedAt, String origin, Actor by) {
		throw new UnsupportedOperationException("credential reports are being built");
	}

}
