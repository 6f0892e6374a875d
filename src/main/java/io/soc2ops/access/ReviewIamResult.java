package io.soc2ops.access;

/**
 * A Security Hub IAM control's result ({@code IAM.5}: MFA for console users) on an
 * account or an IAM user, shown beside the review items it concerns.
 *
 * @param status {@code FAILED}, {@code PASSED}, {@code WARNING} or {@code NOT_AVAILABLE}
 * @param findingKey the finding's address in soc2ops ({@code /findings/<key>})
 */
public record ReviewIamResult(String controlId, String status, String title, String resourceId, String findingKey) {

	public boolean failed() {
		return status.equals("FAILED");
	}

}
