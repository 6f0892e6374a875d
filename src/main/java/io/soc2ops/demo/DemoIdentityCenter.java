package io.soc2ops.demo;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.soc2ops.access.IdentityCenterInventory;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The demo company's IAM Identity Center as its APIs would list it at a moment: users,
 * groups and memberships of the identity store, permission sets as
 * {@code DescribePermissionSet} describes them (with their managed policies), and the
 * account assignments; each in AWS's field names, as the {@code aws} module hands them to
 * the inventory. IDs are drawn from the names, so every start gives the same ones.
 */
final class DemoIdentityCenter {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private DemoIdentityCenter() {
	}

	/**
	 * @param now the inventory of today; otherwise the one of {@code historyDays} ago
	 */
	static IdentityCenterInventory at(DemoAccessData data, Instant takenAt, boolean now) {
		var users = new ArrayList<IdentityCenterInventory.User>();
		var userIds = new HashMap<String, String>();
		for (var person : data.people()) {
			String id = userId(data, person.userName());
			userIds.put(person.userName(), id);
			users.add(user(data, id, person));
		}
		var groups = new ArrayList<IdentityCenterInventory.Group>();
		var memberships = new ArrayList<IdentityCenterInventory.Membership>();
		var groupIds = new HashMap<String, String>();
		for (var group : data.groups()) {
			String id = id(data, "group:" + group.name());
			groupIds.put(group.name(), id);
			var document = JSON.createObjectNode()
				.put("GroupId", id)
				.put("DisplayName", group.name())
				.put("Description", group.description())
				.put("IdentityStoreId", data.identityStoreId());
			groups.add(new IdentityCenterInventory.Group(id, group.name(), JSON.writeValueAsString(document)));
			for (String member : now ? group.members() : group.membersThen()) {
				memberships.add(new IdentityCenterInventory.Membership(id, require(userIds, member, "member"),
						id(data, "membership:" + group.name() + "/" + member)));
			}
		}
		var sets = new ArrayList<IdentityCenterInventory.PermissionSet>();
		var setArns = new HashMap<String, String>();
		for (var set : data.permissionSets()) {
			String arn = permissionSetArn(data, set.name());
			setArns.put(set.name(), arn);
			sets.add(permissionSet(arn, set));
		}
		var assignments = new ArrayList<IdentityCenterInventory.Assignment>();
		for (var assignment : data.assignments()) {
			if (now ? !assignment.heldNow() : !assignment.heldThen()) {
				continue;
			}
			boolean toGroup = assignment.group() != null;
			String principal = toGroup ? require(groupIds, assignment.group(), "group")
					: require(userIds, String.valueOf(assignment.user()), "user");
			assignments.add(new IdentityCenterInventory.Assignment(assignment.account(),
					require(setArns, assignment.permissionSet(), "permission set"), toGroup ? "GROUP" : "USER",
					principal));
		}
		var instance = JSON.createObjectNode()
			.put("InstanceArn", data.instanceArn())
			.put("IdentityStoreId", data.identityStoreId())
			.put("Name", "kumo-logistics");
		return new IdentityCenterInventory(data.instanceArn(), data.identityStoreId(),
				JSON.writeValueAsString(instance), takenAt, true, "", users, groups, memberships, sets, assignments);
	}

	static String permissionSetArn(DemoAccessData data, String name) {
		String hex = id(data, "permission-set:" + name).replace("-", "");
		return data.instanceArn().replace(":instance/", ":permissionSet/") + "/ps-" + hex.substring(hex.length() - 16);
	}

	private static IdentityCenterInventory.User user(DemoAccessData data, String id, DemoAccessData.Person person) {
		ObjectNode document = JSON.createObjectNode()
			.put("UserId", id)
			.put("UserName", person.userName())
			.put("DisplayName", person.displayName())
			.put("IdentityStoreId", data.identityStoreId());
		document.putObject("Name")
			.put("GivenName", person.givenName())
			.put("FamilyName", person.familyName())
			.put("Formatted", person.familyName() + " " + person.givenName());
		document.putArray("Emails")
			.addObject()
			.put("Value", person.userName())
			.put("Type", "work")
			.put("Primary", true);
		return new IdentityCenterInventory.User(id, person.userName(), person.displayName(),
				Optional.of(person.userName()), JSON.writeValueAsString(document));
	}

	private static IdentityCenterInventory.PermissionSet permissionSet(String arn, DemoAccessData.PermissionSet set) {
		ObjectNode document = JSON.createObjectNode()
			.put("Name", set.name())
			.put("PermissionSetArn", arn)
			.put("Description", set.description())
			.put("SessionDuration", set.sessionDuration())
			.put("CreatedDate", "2023-04-03T01:00:00Z");
		var policies = document.putArray("ManagedPolicies");
		var names = new ArrayList<String>();
		for (String policy : set.managedPolicies()) {
			String name = policy.substring(policy.lastIndexOf('/') + 1);
			names.add(name);
			policies.addObject().put("Name", name).put("Arn", "arn:aws:iam::aws:policy/" + policy);
		}
		document.put("InlinePolicy", "");
		return new IdentityCenterInventory.PermissionSet(arn, set.name(), List.copyOf(names), "",
				JSON.writeValueAsString(document));
	}

	/** An identity store ID: ten hex digits of the store, a dash and a UUID. */
	private static String userId(DemoAccessData data, String userName) {
		return id(data, "user:" + userName);
	}

	private static String id(DemoAccessData data, String name) {
		String store = data.identityStoreId().replace("d-", "");
		return store + "-" + UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
	}

	private static String require(java.util.Map<String, String> ids, String name, String what) {
		String id = ids.get(name);
		if (id == null) {
			throw new IllegalStateException("demo/access.json: no " + what + " named '" + name + "'");
		}
		return id;
	}

}
