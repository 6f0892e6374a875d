package io.soc2ops.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import io.soc2ops.vulnerabilities.VulnerabilityGroup;
import io.soc2ops.vulnerabilities.VulnerabilitySelection;

/**
 * The vulnerability list's filters as typed (request parameters of the same names), kept
 * for the form and for the links to other pages and to a group's resources.
 *
 * @param status {@code unfixed} (also when blank), {@code all}, or one status
 */
record ListFilters(@Nullable String status, @Nullable String severity, @Nullable String account,
		@Nullable String team) {

	/**
	 * @throws IllegalArgumentException naming the parameter that does not hold
	 */
	VulnerabilitySelection selection() {
		return VulnerabilitySelection.of(status, severity, account, team);
	}

	/** The status chosen, as the form's select names it. */
	public String statusChoice() {
		return status == null || status.isBlank() ? "unfixed" : status.strip().toLowerCase(java.util.Locale.ROOT);
	}

	/** This list on another page. */
	public String link(int page) {
		var query = parameters();
		if (page > 1) {
			query.put("page", String.valueOf(page));
		}
		return address("/vulnerabilities", query);
	}

	/** The resources of a group, as these filters select them. */
	public String groupLink(VulnerabilityGroup group) {
		var query = parameters();
		query.put("groupSeverity", group.severity().name());
		if (group.cve() != null) {
			query.put("cve", group.cve());
		}
		else {
			query.put("title", group.title());
		}
		return address("/vulnerabilities/group", query);
	}

	public boolean any() {
		return !parameters().isEmpty();
	}

	private Map<String, String> parameters() {
		var query = new LinkedHashMap<String, String>();
		add(query, "status", status);
		add(query, "severity", severity);
		add(query, "account", account);
		add(query, "team", team);
		return query;
	}

	/**
	 * Every value encoded as a form would send it ({@code &}, {@code =}, {@code +} too).
	 */
	static String address(String path, Map<String, String> query) {
		if (query.isEmpty()) {
			return path;
		}
		return path + "?"
				+ query.entrySet()
					.stream()
					.map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
					.collect(Collectors.joining("&"));
	}

	private static void add(Map<String, String> query, String name, @Nullable String value) {
		if (value != null && !value.isBlank()) {
			query.put(name, value.strip());
		}
	}

}
