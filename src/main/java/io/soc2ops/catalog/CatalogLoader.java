package io.soc2ops.catalog;

import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.springframework.core.io.ResourceLoader;

/**
 * Reads the three catalog files and checks them against each other: IDs unique, every
 * criterion ID known, every check of a control a known Security Hub control.
 */
final class CatalogLoader {

	static final String CRITERIA = "catalog/criteria.tsv";

	static final String CONTROLS = "catalog/controls.tsv";

	static final String SECURITY_HUB = "catalog/securityhub-controls.tsv";

	private final ResourceLoader resources;

	private final String location;

	CatalogLoader(ResourceLoader resources, String location) {
		this.resources = resources;
		this.location = location.endsWith("/") ? location : location + "/";
	}

	CatalogData load() {
		var criteriaFile = read(CRITERIA, List.of("id", "group", "title_en", "title_ja"));
		var criteria = unique(criteriaFile, row -> {
			var id = parse(row, "id", CriterionId::of);
			if (!id.group().equals(row.required("group"))) {
				throw row.problem("group " + row.get("group") + " does not match criterion " + id);
			}
			return new Criterion(id, localized(row));
		}, c -> c.id().value());
		var known = new HashMap<CriterionId, Criterion>();
		criteria.values().forEach(c -> known.put(c.id(), c));

		var hubFile = read(SECURITY_HUB,
				List.of("control_id", "service", "severity", "standards", "title", "criteria", "rationale"));
		var hub = unique(hubFile,
				row -> new SecurityHubControl(row.required("control_id"), row.required("service"),
						parse(row, "severity", CatalogLoader::severity), row.list("standards", s -> s),
						row.required("title"), criteria(row, known), row.required("rationale")),
				SecurityHubControl::id);

		var controlFile = read(CONTROLS, List.of("id", "area", "title_en", "title_ja", "criteria", "checks"));
		var controls = unique(controlFile, row -> {
			var checks = row.list("checks", check -> {
				if (!hub.containsKey(check)) {
					throw new IllegalArgumentException(
							"unknown Security Hub control " + check + " (not in " + SECURITY_HUB + ")");
				}
				return check;
			});
			return new Control(row.required("id"), row.required("area"), localized(row), criteria(row, known), checks);
		}, Control::id);

		return new CatalogData(criteriaFile.requireVersion(), hubFile.requireVersion(), List.copyOf(criteria.values()),
				List.copyOf(controls.values()), List.copyOf(hub.values()));
	}

	private TsvFile read(String name, List<String> header) {
		var resource = resources.getResource(location + name.substring("catalog/".length()));
		if (!resource.exists()) {
			throw new CatalogFileException(name, 0, "file not found at " + location);
		}
		return TsvFile.read(name, resource, header);
	}

	private static <T> Map<String, T> unique(TsvFile file, Function<TsvFile.Row, T> parse, Function<T, String> key) {
		var byKey = new LinkedHashMap<String, T>();
		var lines = new HashMap<String, Integer>();
		for (var row : file.rows()) {
			T item;
			try {
				item = parse.apply(row);
			}
			catch (IllegalArgumentException ex) {
				throw row.problem(ex.getMessage());
			}
			String id = key.apply(item);
			if (byKey.putIfAbsent(id, item) != null) {
				throw row.problem("duplicate key " + id + " (first on line " + lines.get(id) + ")");
			}
			lines.put(id, row.line());
		}
		return byKey;
	}

	private static List<CriterionId> criteria(TsvFile.Row row, Map<CriterionId, Criterion> known) {
		var ids = row.list("criteria", CriterionId::of);
		for (var id : ids) {
			if (!known.containsKey(id)) {
				throw row.problem("unknown criterion " + id + " (not in " + CRITERIA + ")");
			}
		}
		if (ids.isEmpty()) {
			throw row.problem("criteria is empty");
		}
		if (ids.stream().distinct().count() != ids.size()) {
			throw row.problem("criteria lists the same criterion twice");
		}
		return ids;
	}

	private static SecurityHubControl.Severity severity(String value) {
		try {
			return SecurityHubControl.Severity.valueOf(value);
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("'" + value + "' is not one of "
					+ String.join(", ", Arrays.stream(SecurityHubControl.Severity.values()).map(Enum::name).toList()));
		}
	}

	private static Localized localized(TsvFile.Row row) {
		return new Localized(row.required("title_en"), row.required("title_ja"));
	}

	private static <T> T parse(TsvFile.Row row, String column, Function<String, T> parser) {
		try {
			return parser.apply(row.required(column));
		}
		catch (IllegalArgumentException ex) {
			throw row.problem(column + ": " + ex.getMessage());
		}
	}

}
