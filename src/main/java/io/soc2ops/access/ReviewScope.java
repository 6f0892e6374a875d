package io.soc2ops.access;

import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a review campaign covers: every account or the ones listed, every kind of holding
 * or the ones listed.
 *
 * @param accounts account IDs (12 digits); empty for every account
 * @param kinds empty for every kind
 */
public record ReviewScope(List<String> accounts, Set<HoldingKind> kinds) {

	public static final int MAX_ACCOUNTS = 1000;

	private static final Pattern ACCOUNT = Pattern.compile("[0-9]{12}");

	/** Every account, every kind. */
	public static final ReviewScope EVERYTHING = new ReviewScope(List.of(), Set.of());

	public ReviewScope {
		var distinct = new LinkedHashSet<String>();
		for (String account : accounts) {
			String id = account.strip();
			if (!ACCOUNT.matcher(id).matches()) {
				throw AccessRefused.invalid("scope.accounts: '" + shown(id) + "' is not a 12-digit AWS account ID");
			}
			distinct.add(id);
		}
		if (distinct.size() > MAX_ACCOUNTS) {
			throw AccessRefused.invalid("scope.accounts: at most " + MAX_ACCOUNTS + " accounts");
		}
		accounts = List.copyOf(distinct);
		kinds = kinds.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(kinds));
	}

	public boolean allAccounts() {
		return accounts.isEmpty();
	}

	static ReviewScope parse(String accounts, String kinds) {
		return new ReviewScope(accounts.isEmpty() ? List.of() : List.of(accounts.split(",")), kinds.isEmpty() ? Set.of()
				: Set.copyOf(List.of(kinds.split(",")).stream().map(HoldingKind::valueOf).toList()));
	}

	String accountsColumn() {
		return String.join(",", accounts);
	}

	String kindsColumn() {
		return String.join(",", kinds.stream().sorted().map(HoldingKind::name).toList());
	}

	static String shown(String text) {
		String cut = text.length() > 40 ? text.substring(0, 40) + "…" : text;
		return cut.replaceAll("\\p{Cntrl}", "?");
	}

}
