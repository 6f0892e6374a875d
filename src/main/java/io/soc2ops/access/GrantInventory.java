package io.soc2ops.access;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What requests and grants read of the current Identity Center inventory (the documents
 * in {@code access_inventory_object} still listed, {@code gone_at} NULL): the permission
 * sets, the instance, and the user whose {@code UserName} is a person key. Documents are
 * AWS's objects as the inventory stored them; one that cannot be read is skipped.
 */
@Component
class GrantInventory {

	static final String ADMINISTRATOR_ACCESS = "AdministratorAccess";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final JdbcClient jdbc;

	private final AccessRequestSettings settings;

	GrantInventory(JdbcClient jdbc, AccessRequestSettings settings) {
		this.jdbc = jdbc;
		this.settings = settings;
	}

	/** Whether any Identity Center inventory was ever taken. */
	boolean collected() {
		return jdbc
			.sql("SELECT COUNT(*) FROM access_inventory_object WHERE object_kind IN ('idc-instance', 'permission-set')")
			.query(Long.class)
			.single() > 0;
	}

	/** Every current permission set, by name. */
	List<AccessRequestPermissionSet> permissionSets() {
		return current("permission-set").stream()
			.map(this::permissionSet)
			.flatMap(Optional::stream)
			.sorted(Comparator.comparing(AccessRequestPermissionSet::name, String.CASE_INSENSITIVE_ORDER))
			.toList();
	}

	/** The current permission set of that name (exact, as AWS names are). */
	Optional<AccessRequestPermissionSet> permissionSet(String name) {
		return permissionSets().stream().filter(set -> set.name().equals(name)).findFirst();
	}

	/** Whether an IAM policy (by name or ARN) needs two approvers. */
	boolean privilegedPolicy(String policy) {
		String name = policy.substring(policy.lastIndexOf('/') + 1);
		return name.equals(ADMINISTRATOR_ACCESS) || settings.privileged().contains(name.toLowerCase(Locale.ROOT));
	}

	/**
	 * The assignment of a permission set (by ARN) to the Identity Center user whose
	 * UserName is the person key, on an account.
	 * @throws IllegalStateException saying what the inventory lacks
	 */
	AssignmentTarget target(String permissionSetArn, PersonKey person, String accountId) {
		var set = permissionSets().stream()
			.filter(s -> s.arn().equals(permissionSetArn))
			.findFirst()
			.orElseThrow(() -> new IllegalStateException(
					"the Identity Center inventory no longer lists permission set " + permissionSetArn));
		if (!instance(set.instanceArn())) {
			throw new IllegalStateException("the Identity Center inventory lists no instance " + set.instanceArn());
		}
		String userId = user(set.instanceArn(), person).map(user -> text(user, "UserId"))
			.filter(id -> !id.isEmpty())
			.orElseThrow(() -> new IllegalStateException(
					"the Identity Center inventory lists no user named " + person + " in " + set.instanceArn()));
		return new AssignmentTarget(set.instanceArn(), accountId, set.arn(), "USER", userId);
	}

	/** The person's Identity Center user name as AWS spells it, in any instance. */
	Optional<String> userName(PersonKey person) {
		return current("idc-user").stream()
			.map(Doc::document)
			.filter(user -> person.value().equals(text(user, "UserName").toLowerCase(Locale.ROOT)))
			.map(user -> text(user, "UserName"))
			.findFirst();
	}

	private Optional<JsonNode> user(String instanceArn, PersonKey person) {
		return current("idc-user").stream()
			.filter(doc -> doc.scope().equals(instanceArn))
			.map(Doc::document)
			.filter(user -> person.value().equals(text(user, "UserName").toLowerCase(Locale.ROOT)))
			.findFirst();
	}

	/** Whether the instance is still listed. */
	boolean instance(String instanceArn) {
		return jdbc
			.sql("SELECT COUNT(*) FROM access_inventory_object WHERE object_kind = 'idc-instance'"
					+ " AND object_key = :arn AND gone_at IS NULL")
			.param("arn", instanceArn)
			.query(Long.class)
			.single() > 0;
	}

	private Optional<AccessRequestPermissionSet> permissionSet(Doc doc) {
		var set = doc.document();
		String name = text(set, "Name");
		String arn = text(set, "PermissionSetArn");
		if (name.isEmpty() || arn.isEmpty()) {
			return Optional.empty();
		}
		boolean admin = false;
		for (var policy : set.path("ManagedPolicies")) {
			admin |= ADMINISTRATOR_ACCESS.equals(text(policy, "Name"))
					|| text(policy, "Arn").endsWith(":policy/" + ADMINISTRATOR_ACCESS);
		}
		boolean privileged = admin || settings.privileged().contains(name.toLowerCase(Locale.ROOT));
		return Optional
			.of(new AccessRequestPermissionSet(name, arn, doc.scope(), text(set, "Description"), privileged));
	}

	private List<Doc> current(String kind) {
		return jdbc
			.sql("SELECT scope, document FROM access_inventory_object WHERE object_kind = :kind AND gone_at IS NULL"
					+ " ORDER BY id")
			.param("kind", kind)
			.query((rs, row) -> parse(rs.getString("scope"), rs.getString("document")))
			.list()
			.stream()
			.flatMap(Optional::stream)
			.toList();
	}

	private static Optional<Doc> parse(String scope, String document) {
		try {
			return Optional.of(new Doc(scope, JSON.readTree(document)));
		}
		catch (JacksonException ex) {
			return Optional.empty();
		}
	}

	private static String text(JsonNode node, String field) {
		var value = node.path(field);
		return value.isString() ? value.asString() : "";
	}

	private record Doc(String scope, JsonNode document) {
	}

}
