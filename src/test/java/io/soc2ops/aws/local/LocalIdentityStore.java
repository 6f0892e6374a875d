package io.soc2ops.aws.local;

import java.util.List;
import java.util.function.BiConsumer;

import org.jspecify.annotations.Nullable;

import io.soc2ops.aws.local.LocalAws.Answer;
import io.soc2ops.aws.local.LocalAws.Request;
import io.soc2ops.aws.local.LocalAws.Script;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The Identity Center identity store over awsJson1_1 ({@code X-Amz-Target:
 * AWSIdentityStore.*}): {@code ListUsers}, {@code ListGroups} and
 * {@code ListGroupMemberships}, paged with {@code MaxResults} (1-100) and
 * {@code NextToken}; errors as {@code __type} in a JSON body.
 */
final class LocalIdentityStore implements Protocol {

	static final String TARGET_PREFIX = "AWSIdentityStore.";

	static final String CONTENT_TYPE = "application/x-amz-json-1.1";

	@Override
	public String prefix() {
		return "identitystore";
	}

	@Override
	public String operation(Request request) {
		String target = request.target();
		return target != null && target.startsWith(TARGET_PREFIX) ? target.substring(TARGET_PREFIX.length())
				: "Unknown";
	}

	@Override
	public Answer serve(String operation, Request request, Script script) {
		JsonNode body = LocalSecurityHub.JSON.readTree(request.body().isEmpty() ? "{}" : request.body());
		var center = script.identityCenter;
		if (center == null || !center.identityStoreId.equals(body.path("IdentityStoreId").asString(""))) {
			return error(400, "ResourceNotFoundException", "Identity store not found");
		}
		return switch (operation) {
			case "ListUsers" -> page(operation, request, script, body, center.snapshot(center.users), "Users",
					(user, node) -> user(center, user, node));
			case "ListGroups" -> page(operation, request, script, body, center.snapshot(center.groups), "Groups",
					(group, node) -> node.put("GroupId", group.groupId())
						.put("DisplayName", group.displayName())
						.put("Description", group.displayName() + " team")
						.put("IdentityStoreId", center.identityStoreId));
			case "ListGroupMemberships" -> page(operation, request, script, body,
					center.memberships(body.path("GroupId").asString("")), "GroupMemberships", (membership, node) -> {
						node.put("IdentityStoreId", center.identityStoreId)
							.put("MembershipId", membership.membershipId())
							.put("GroupId", membership.groupId());
						node.putObject("MemberId").put("UserId", membership.userId());
					});
			default -> error(400, "UnknownOperationException", "no such operation: " + operation);
		};
	}

	private static void user(LocalIdentityCenter center, LocalIdentityCenter.User user, ObjectNode node) {
		node.put("IdentityStoreId", center.identityStoreId)
			.put("UserId", user.userId())
			.put("UserName", user.userName());
		String[] names = user.displayName().split(" ", 2);
		var name = node.putObject("Name").put("Formatted", user.displayName()).put("GivenName", names[0]);
		if (names.length > 1) {
			name.put("FamilyName", names[1]);
		}
		node.put("DisplayName", user.displayName());
		node.putArray("Emails").addObject().put("Value", user.email()).put("Type", "work").put("Primary", true);
	}

	/** One page of a list, as every paginated Identity Center list answers. */
	static <T> Answer page(String operation, Request request, Script script, JsonNode body, List<T> items,
			String resultKey, BiConsumer<T, ObjectNode> write) {
		int max = body.path("MaxResults").asInt(100);
		if (max < 1 || max > 100) {
			return LocalSecurityHub.jsonError(400, "ValidationException", "MaxResults must be 1-100");
		}
		String token = body.path("NextToken").asString("");
		int from = token.isEmpty() ? 0 : Integer.parseInt(token.substring(5));
		if (script.failsPage(operation, request.account(), from / max + 1)) {
			return json(500, error("InternalServerException", "An internal error occurred"));
		}
		var page = LocalSecurityHub.JSON.createObjectNode();
		var array = page.putArray(resultKey);
		for (int i = from; i < Math.min(items.size(), from + max); i++) {
			var item = items.get(i);
			if (item instanceof String text) {
				array.add(text);
			}
			else {
				write.accept(item, array.addObject());
			}
		}
		if (from + max < items.size()) {
			page.put("NextToken", "page:" + (from + max));
		}
		return json(200, page);
	}

	static Answer json(int status, JsonNode body) {
		return new Answer(status, CONTENT_TYPE, LocalSecurityHub.JSON.writeValueAsString(body));
	}

	static ObjectNode error(String code, @Nullable String message) {
		var body = LocalSecurityHub.JSON.createObjectNode();
		body.put("__type", code);
		body.put("Message", message);
		return body;
	}

	@Override
	public Answer error(int status, String code, String message) {
		return json(status, error(code, message));
	}

	@Override
	public Answer throttled() {
		return error(400, "ThrottlingException", "Rate exceeded");
	}

}
