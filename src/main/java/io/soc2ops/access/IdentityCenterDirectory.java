package io.soc2ops.access;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * IAM Identity Center as the latest inventory saw it: the instance, its users by person
 * key and its permission sets by name; what a grant through
 * {@link IdentityCenterAssignments} needs.
 */
@Service
@Transactional(readOnly = true)
public class IdentityCenterDirectory {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final JdbcClient jdbc;

	IdentityCenterDirectory(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The instance the newest Identity Center inventory read. */
	public Optional<IdcInstance> instance() {
		return jdbc
			.sql("SELECT document FROM access_inventory_object WHERE source = 'IDENTITY_CENTER'"
					+ " AND object_kind = 'idc-instance' AND gone_at IS NULL ORDER BY first_seen DESC, id DESC")
			.query((rs, row) -> JSON.readTree(rs.getString("document")))
			.list()
			.stream()
			.findFirst()
			.map(document -> new IdcInstance(document.path("InstanceArn").asString(),
					document.path("IdentityStoreId").asString()));
	}

	/** The Identity Center user whose user name is this person key. */
	public Optional<IdcUser> user(PersonKey person) {
		return current("idc-user", person.value()).stream().findFirst().map(IdentityCenterDirectory::user);
	}

	/** The permission set with this name (names are unique in an instance). */
	public Optional<PermissionSetRef> permissionSet(String name) {
		return instance().flatMap(instance -> jdbc
			.sql("SELECT scope, document FROM access_inventory_object WHERE source = 'IDENTITY_CENTER'"
					+ " AND object_kind = 'permission-set' AND name_key = :name AND scope = :scope AND gone_at IS NULL")
			.param("name", name.strip().toLowerCase(Locale.ROOT))
			.param("scope", instance.instanceArn())
			.query(IdentityCenterDirectory::permissionSet)
			.list()
			.stream()
			.filter(set -> set.name().equals(name.strip()))
			.findFirst());
	}

	/** Every permission set of the instance, by name. */
	public List<PermissionSetRef> permissionSets() {
		return instance().map(instance -> jdbc
			.sql("SELECT scope, document FROM access_inventory_object WHERE source = 'IDENTITY_CENTER'"
					+ " AND object_kind = 'permission-set' AND scope = :scope AND gone_at IS NULL ORDER BY name_key")
			.param("scope", instance.instanceArn())
			.query(IdentityCenterDirectory::permissionSet)
			.list()).orElse(List.of());
	}

	private List<JsonNode> current(String kind, String nameKey) {
		return instance().map(instance -> jdbc
			.sql("SELECT document FROM access_inventory_object WHERE source = 'IDENTITY_CENTER'"
					+ " AND object_kind = :kind AND name_key = :name AND scope = :scope AND gone_at IS NULL")
			.param("kind", kind)
			.param("name", nameKey)
			.param("scope", instance.instanceArn())
			.query((rs, row) -> JSON.readTree(rs.getString("document")))
			.list()).orElse(List.of());
	}

	private static IdcUser user(JsonNode document) {
		String userName = document.path("UserName").asString();
		String displayName = document.path("DisplayName").asString("");
		return new IdcUser(document.path("UserId").asString(), userName, displayName.isBlank() ? userName : displayName,
				email(document));
	}

	/** The primary e-mail address, else the first. */
	static Optional<String> email(JsonNode user) {
		String first = null;
		for (JsonNode email : user.path("Emails")) {
			String value = email.path("Value").asString("");
			if (value.isBlank()) {
				continue;
			}
			if (email.path("Primary").asBoolean(false)) {
				return Optional.of(value);
			}
			if (first == null) {
				first = value;
			}
		}
		return Optional.ofNullable(first);
	}

	private static PermissionSetRef permissionSet(ResultSet rs, int row) throws SQLException {
		var document = JSON.readTree(rs.getString("document"));
		var managed = new ArrayList<String>();
		document.path("ManagedPolicies").forEach(policy -> managed.add(policy.path("Name").asString()));
		return new PermissionSetRef(document.path("PermissionSetArn").asString(), document.path("Name").asString(),
				rs.getString("scope"), managed, !document.path("InlinePolicy").asString("").isBlank());
	}

}
