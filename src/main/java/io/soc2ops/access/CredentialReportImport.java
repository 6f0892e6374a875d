package io.soc2ops.access;

/**
 * What storing a credential report did.
 *
 * @param users the report's user rows (the root account's included)
 */
public record CredentialReportImport(String accountId, int users) {

}
