package io.soc2ops.access;

import java.util.Locale;

import org.springframework.jdbc.core.simple.JdbcClient.StatementSpec;

/**
 * Which holdings a view shows: one person, one account, one entitlement (permission set
 * name or {@code IAM user}), any mix; an empty value does not filter.
 */
public record AccessViewFilter(String person, String account, String entitlement) {

	public static final AccessViewFilter ALL = new AccessViewFilter("", "", "");

	public AccessViewFilter {
		person = person.strip().toLowerCase(Locale.ROOT);
		account = account.strip();
		entitlement = entitlement.strip();
		if (person.length() > PersonKey.MAX_LENGTH) {
			throw AccessRefused.invalid("person: at most " + PersonKey.MAX_LENGTH + " characters");
		}
		if (!account.isEmpty() && !account.matches("\\d{12}")) {
			throw AccessRefused.invalid("account: an AWS account ID is 12 digits but was '" + account + "'");
		}
		if (entitlement.length() > 256) {
			throw AccessRefused.invalid("entitlement: at most 256 characters");
		}
	}

	/** The SQL conditions on the holding {@code h}, each with its named parameter. */
	String sql() {
		return (person.isEmpty() ? "" : " AND h.person = :person")
				+ (account.isEmpty() ? "" : " AND h.account_id = :account")
				+ (entitlement.isEmpty() ? "" : " AND h.entitlement = :entitlement");
	}

	StatementSpec bind(StatementSpec statement) {
		var bound = statement;
		if (!person.isEmpty()) {
			bound = bound.param("person", person);
		}
		if (!account.isEmpty()) {
			bound = bound.param("account", account);
		}
		if (!entitlement.isEmpty()) {
			bound = bound.param("entitlement", entitlement);
		}
		return bound;
	}

}
