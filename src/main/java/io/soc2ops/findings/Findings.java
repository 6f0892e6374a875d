package io.soc2ops.findings;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.soc2ops.catalog.Catalog;
import io.soc2ops.catalog.SecurityHubControl;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reading the stored findings: pages filtered as people and API clients ask, the filter
 * choices, and one finding with its history and the finding as received. Plain SQL that
 * runs on H2 and PostgreSQL alike.
 */
@Service
@Transactional(readOnly = true)
public class Findings {

	private static final Pattern KEY = Pattern.compile("[0-9a-f]{64}");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String COLUMNS = "finding_key, title, severity, account_id, region, product_name,"
			+ " security_control_id, compliance_status, record_state, workflow_status, resource_type, resource_id,"
			+ " updated_at";

	private static final String FAILING = "compliance_status = 'FAILED' AND record_state = 'ACTIVE'"
			+ " AND workflow_status <> 'SUPPRESSED'";

	private static final String PASSING = "compliance_status = 'PASSED' AND record_state = 'ACTIVE'";

	private static final String SEVERITY_ORDER = "CASE severity WHEN 'CRITICAL' THEN 0 WHEN 'HIGH' THEN 1"
			+ " WHEN 'MEDIUM' THEN 2 WHEN 'LOW' THEN 3 ELSE 4 END";

	private final JdbcClient jdbc;

	private final Catalog catalog;

	Findings(JdbcClient jdbc, Catalog catalog) {
		this.jdbc = jdbc;
		this.catalog = catalog;
	}

	/**
	 * The findings the query selects, most severe first and, within a severity, most
	 * recently updated first.
	 */
	public FindingPage page(FindingQuery query) {
		var where = new ArrayList<String>();
		var params = new HashMap<String, Object>();
		where(query, where, params);
		String condition = where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where);
		long total = jdbc.sql("SELECT COUNT(*) FROM finding" + condition).params(params).query(Long.class).single();
		if (total <= query.offset()) {
			return new FindingPage(List.of(), total, query.page(), query.size());
		}
		params.put("limit", query.size());
		params.put("offset", query.offset());
		var findings = jdbc
			.sql("SELECT " + COLUMNS + " FROM finding" + condition + " ORDER BY " + SEVERITY_ORDER
					+ ", updated_at DESC, finding_key LIMIT :limit OFFSET :offset")
			.params(params)
			.query((rs, row) -> summary(rs))
			.list();
		return new FindingPage(findings, total, query.page(), query.size());
	}

	/**
	 * The accounts, regions, products and Security Hub controls of the stored findings.
	 */
	public FindingFacets facets() {
		return new FindingFacets(distinct("account_id"), distinct("region"), distinct("product_name"),
				distinct("security_control_id").stream().sorted(CONTROL_ORDER).toList());
	}

	/**
	 * One finding by the digest of its key; empty for anything that is not a stored key
	 * (including anything that is not 64 hex digits).
	 */
	public Optional<FindingDetail> find(String key) {
		String digest = key.strip().toLowerCase(Locale.ROOT);
		if (!KEY.matcher(digest).matches()) {
			return Optional.empty();
		}
		var history = jdbc
			.sql("SELECT updated_at, severity, compliance_status, record_state, workflow_status, recorded_at, channel"
					+ " FROM finding_history WHERE finding_key = :key ORDER BY updated_at DESC, recorded_at DESC, id DESC")
			.param("key", digest)
			.query((rs, row) -> new FindingDetail.Version(instant(rs, "updated_at"),
					Severity.valueOf(rs.getString("severity")), compliance(rs),
					RecordState.valueOf(rs.getString("record_state")),
					WorkflowStatus.valueOf(rs.getString("workflow_status")), instant(rs, "recorded_at"),
					IntakeChannel.valueOf(rs.getString("channel"))))
			.list();
		return jdbc
			.sql("SELECT " + COLUMNS + ", finding_id, product_arn, generator_id, format, first_observed_at,"
					+ " last_observed_at, created_at, first_seen_at, last_changed_at, channel, raw"
					+ " FROM finding WHERE finding_key = :key")
			.param("key", digest)
			.query((rs, row) -> detail(rs, history))
			.optional();
	}

	/**
	 * The active results of the Security Hub controls whose ID starts with
	 * {@code controlPrefix} (such as {@code IAM.}) in these accounts, suppressed ones
	 * left out, by account and control; at most {@code limit}.
	 */
	public List<FindingSummary> controlResults(String controlPrefix, Collection<String> accounts, int limit) {
		if (accounts.isEmpty() || controlPrefix.isBlank()) {
			return List.of();
		}
		return jdbc
			.sql("SELECT " + COLUMNS + " FROM finding WHERE account_id IN (:accounts)"
					+ " AND security_control_id LIKE :prefix ESCAPE '\\' AND record_state = 'ACTIVE'"
					+ " AND workflow_status <> 'SUPPRESSED' ORDER BY account_id, security_control_id, resource_id"
					+ " LIMIT :limit")
			.param("accounts", List.copyOf(accounts))
			.param("prefix", likeEscaped(controlPrefix) + "%")
			.param("limit", Math.clamp(limit, 1, 10_000))
			.query((rs, row) -> summary(rs))
			.list();
	}

	private void where(FindingQuery query, List<String> where, Map<String, Object> params) {
		if (query.account() != null) {
			where.add("account_id = :account");
			params.put("account", query.account());
		}
		if (query.region() != null) {
			where.add("region = :region");
			params.put("region", query.region());
		}
		if (query.severity() != null) {
			where.add("severity = :severity");
			params.put("severity", query.severity().name());
		}
		if (query.product() != null) {
			where.add("product_name = :product");
			params.put("product", query.product());
		}
		if (query.control() != null) {
			where.add("security_control_id = :control");
			params.put("control", query.control());
		}
		if (query.criterion() != null) {
			var controls = catalog.securityHubControlsFor(query.criterion())
				.stream()
				.map(SecurityHubControl::id)
				.toList();
			if (controls.isEmpty()) {
				where.add("1 = 0");
			}
			else {
				where.add("security_control_id IN (:criterionControls)");
				params.put("criterionControls", controls);
			}
		}
		if (query.status() != null) {
			switch (query.status()) {
				case FAILING -> where.add(FAILING);
				case PASSING -> where.add(PASSING);
				case ARCHIVED -> where.add("record_state = 'ARCHIVED'");
				default -> {
					where.add("workflow_status = :workflow");
					params.put("workflow", query.status().name());
				}
			}
		}
		if (query.text() != null) {
			where.add("(LOWER(title) LIKE :text ESCAPE '\\' OR LOWER(resource_id) LIKE :text ESCAPE '\\')");
			params.put("text", "%" + likeEscaped(query.text().toLowerCase(Locale.ROOT)) + "%");
		}
	}

	private List<String> distinct(String column) {
		return jdbc
			.sql("SELECT DISTINCT " + column + " FROM finding WHERE " + column + " IS NOT NULL ORDER BY " + column)
			.query((rs, row) -> rs.getString(1).strip())
			.list();
	}

	private static String likeEscaped(String text) {
		return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}

	private static FindingSummary summary(ResultSet rs) throws SQLException {
		return new FindingSummary(rs.getString("finding_key").strip(), rs.getString("title"),
				Severity.valueOf(rs.getString("severity")), rs.getString("account_id").strip(), rs.getString("region"),
				rs.getString("product_name"), rs.getString("security_control_id"), compliance(rs),
				RecordState.valueOf(rs.getString("record_state")),
				WorkflowStatus.valueOf(rs.getString("workflow_status")), rs.getString("resource_type"),
				rs.getString("resource_id"), instant(rs, "updated_at"));
	}

	private static FindingDetail detail(ResultSet rs, List<FindingDetail.Version> history) throws SQLException {
		var summary = summary(rs);
		String raw = rs.getString("raw");
		JsonNode tree = parse(raw);
		var resources = new ArrayList<AffectedResource>();
		var types = new ArrayList<String>();
		String pretty = raw;
		if (tree != null) {
			for (var resource : tree.path("Resources")) {
				String region = resource.path("Region").isString() ? resource.path("Region").asString() : null;
				resources.add(new AffectedResource(resource.path("Type").asString(""), resource.path("Id").asString(""),
						region));
			}
			for (var type : tree.path("Types")) {
				types.add(type.asString(""));
			}
			pretty = JSON.writerWithDefaultPrettyPrinter().writeValueAsString(tree);
		}
		if (resources.isEmpty()) {
			resources.add(new AffectedResource(summary.resourceType(), summary.resourceId(), null));
		}
		return new FindingDetail(summary, rs.getString("finding_id"), rs.getString("product_arn"),
				rs.getString("generator_id"), FindingFormat.valueOf(rs.getString("format").strip()), types, resources,
				optionalInstant(rs, "first_observed_at"), optionalInstant(rs, "last_observed_at"),
				instant(rs, "created_at"), instant(rs, "first_seen_at"), instant(rs, "last_changed_at"),
				IntakeChannel.valueOf(rs.getString("channel")), raw, pretty, history);
	}

	private static @Nullable JsonNode parse(String raw) {
		try {
			return JSON.readTree(raw);
		}
		catch (JacksonException ex) {
			// stored as received by the intake, so always JSON; shown as it is if not
			return null;
		}
	}

	private static @Nullable ComplianceStatus compliance(ResultSet rs) throws SQLException {
		String value = rs.getString("compliance_status");
		return value == null ? null : ComplianceStatus.valueOf(value);
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		return rs.getObject(column, OffsetDateTime.class).toInstant();
	}

	private static @Nullable Instant optionalInstant(ResultSet rs, String column) throws SQLException {
		var value = rs.getObject(column, OffsetDateTime.class);
		return value == null ? null : value.toInstant();
	}

	/** {@code S3.2} before {@code S3.10}. */
	static final Comparator<String> CONTROL_ORDER = Comparator.comparing((String id) -> {
		int dot = id.indexOf('.');
		return dot < 0 ? id : id.substring(0, dot);
	}).thenComparingInt(id -> {
		int dot = id.indexOf('.');
		try {
			return dot < 0 ? 0 : Integer.parseInt(id.substring(dot + 1));
		}
		catch (NumberFormatException ex) {
			return Integer.MAX_VALUE;
		}
	});

}
