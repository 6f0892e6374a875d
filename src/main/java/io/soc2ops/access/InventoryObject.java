package io.soc2ops.access;

/**
 * One object an inventory saw, as AWS described it.
 *
 * @param kind {@code iam-user}, {@code iam-group}, {@code iam-role} or {@code iam-policy}
 * (IAM); {@code idc-instance}, {@code idc-user}, {@code idc-group},
 * {@code idc-membership}, {@code permission-set} or {@code idc-assignment} (Identity
 * Center)
 * @param key what identifies it within its kind: an ARN, a UserId, ...
 * @param document the object as JSON, with AWS's field names
 */
public record InventoryObject(String kind, String key, String document) {

	static final int MAX_KEY = 1024;

	public InventoryObject {
		if (kind.isBlank() || kind.length() > 32) {
			throw AccessRefused.invalid("inventory object " + key + ": kind must be 1-32 characters");
		}
		if (key.isBlank() || key.length() > MAX_KEY) {
			throw AccessRefused.invalid("inventory object of kind " + kind + ": key must be 1-" + MAX_KEY
					+ " characters but was '" + shorten(key) + "'");
		}
		if (document.isBlank()) {
			throw AccessRefused.invalid("inventory object " + kind + " " + key + ": document is empty");
		}
	}

	private static String shorten(String text) {
		return text.length() <= 80 ? text : text.substring(0, 79) + "…";
	}

}
