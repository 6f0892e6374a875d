package io.soc2ops.aws.local;

import java.time.Instant;
import java.util.List;

import io.soc2ops.aws.local.LocalAws.Answer;
import io.soc2ops.aws.local.LocalAws.Request;
import io.soc2ops.aws.local.LocalAws.Script;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * IAM Identity Center's administration API over awsJson1_1 ({@code X-Amz-Target:
 * SWBExternalService.*}, signed for the service {@code sso}): the instance, permission
 * sets with their policies, provisioned accounts and account assignments, paged with
 * {@code MaxResults} and {@code NextToken}; and {@code CreateAccountAssignment} /
 * {@code DeleteAccountAssignment}, which answer IN_PROGRESS and change the assignments,
 * with their status calls answering SUCCEEDED (or FAILED, when scripted).
 */
final class LocalSsoAdmin implements Protocol {

	static final String TARGET_PREFIX = "SWBExternalService.";

	static final Instant CREATED = Instant.parse("2024-03-01T00:00:00Z");

	@Override
	public String prefix() {
		return "sso";
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
		if (operation.equals("ListInstances")) {
			List<LocalIdentityCenter> instances = center == null || !center.owner.equals(request.account()) ? List.of()
					: List.of(center);
			return LocalIdentityStore.page(operation, request, script, body, instances, "Instances",
					(instance, node) -> node.put("InstanceArn", instance.instanceArn)
						.put("IdentityStoreId", instance.identityStoreId)
						.put("OwnerAccountId", instance.owner)
						.put("Name", "example-org")
						.put("CreatedDate", CREATED.getEpochSecond())
						.put("Status", "ACTIVE"));
		}
		if (center == null || !center.instanceArn.equals(body.path("InstanceArn").asString(""))) {
			return error(400, "ResourceNotFoundException", "Instance not found");
		}
		String setArn = body.path("PermissionSetArn").asString("");
		return switch (operation) {
			case "ListPermissionSets" -> LocalIdentityStore.page(operation, request, script, body,
					center.snapshot(center.permissionSets)
						.stream()
						.map(LocalIdentityCenter.PermissionSet::arn)
						.toList(),
					"PermissionSets", (arn, node) -> {
					});
			case "DescribePermissionSet" -> describe(center, setArn);
			case "ListManagedPoliciesInPermissionSet" -> {
				var set = center.permissionSets.get(setArn);
				yield set == null ? notFound(setArn)
						: LocalIdentityStore.page(operation, request, script, body,
								set.managedPolicies().stream().map(Managed::new).toList(), "AttachedManagedPolicies",
								(policy, node) -> node.put("Name", policy.name())
									.put("Arn", "arn:aws:iam::aws:policy/" + policy.name()));
			}
			case "GetInlinePolicyForPermissionSet" -> {
				var set = center.permissionSets.get(setArn);
				yield set == null ? notFound(setArn) : LocalIdentityStore.json(200,
						LocalSecurityHub.JSON.createObjectNode().put("InlinePolicy", set.inlinePolicy()));
			}
			case "ListAccountsForProvisionedPermissionSet" -> LocalIdentityStore.page(operation, request, script, body,
					center.provisionedAccounts(setArn), "AccountIds", (account, node) -> {
					});
			case "ListAccountAssignments" -> LocalIdentityStore.page(operation, request, script, body,
					center.assignments(body.path("AccountId").asString(""), setArn), "AccountAssignments",
					(assignment, node) -> node.put("AccountId", assignment.accountId())
						.put("PermissionSetArn", assignment.permissionSetArn())
						.put("PrincipalType", assignment.principalType())
						.put("PrincipalId", assignment.principalId()));
			case "CreateAccountAssignment", "DeleteAccountAssignment" -> change(operation, center, body);
			case "DescribeAccountAssignmentCreationStatus" -> status(center,
					body.path("AccountAssignmentCreationRequestId").asString(""), "AccountAssignmentCreationStatus");
			case "DescribeAccountAssignmentDeletionStatus" -> status(center,
					body.path("AccountAssignmentDeletionRequestId").asString(""), "AccountAssignmentDeletionStatus");
			default -> error(400, "UnknownOperationException", "no such operation: " + operation);
		};
	}

	private Answer describe(LocalIdentityCenter center, String setArn) {
		var set = center.permissionSets.get(setArn);
		if (set == null) {
			return notFound(setArn);
		}
		var answer = LocalSecurityHub.JSON.createObjectNode();
		answer.putObject("PermissionSet")
			.put("Name", set.name())
			.put("PermissionSetArn", set.arn())
			.put("Description", "Access for " + set.name())
			.put("CreatedDate", CREATED.getEpochSecond())
			.put("SessionDuration", "PT8H");
		return LocalIdentityStore.json(200, answer);
	}

	private Answer change(String operation, LocalIdentityCenter center, JsonNode body) {
		if (!body.path("TargetType").asString("").equals("AWS_ACCOUNT")) {
			return error(400, "ValidationException", "TargetType must be AWS_ACCOUNT");
		}
		var assignment = new LocalIdentityCenter.Assignment(body.path("TargetId").asString(""),
				body.path("PermissionSetArn").asString(""), body.path("PrincipalType").asString(""),
				body.path("PrincipalId").asString(""));
		if (!center.permissionSets.containsKey(assignment.permissionSetArn())) {
			return notFound(assignment.permissionSetArn());
		}
		String requestId = center.nextRequestId();
		var failure = center.nextFailure();
		if (failure.isEmpty()) {
			if (operation.equals("CreateAccountAssignment")) {
				center.assign(assignment.accountId(), assignment.permissionSetArn(), assignment.principalType(),
						assignment.principalId());
			}
			else {
				center.unassign(assignment.accountId(), assignment.permissionSetArn(), assignment.principalType(),
						assignment.principalId());
			}
		}
		center.changes.put(requestId,
				new LocalIdentityCenter.Change(requestId, failure.isPresent() ? "FAILED" : "SUCCEEDED",
						failure.orElse(""), assignment, Instant.now().getEpochSecond()));
		var answer = LocalSecurityHub.JSON.createObjectNode();
		write(answer.putObject(operation.equals("CreateAccountAssignment") ? "AccountAssignmentCreationStatus"
				: "AccountAssignmentDeletionStatus"), requestId, "IN_PROGRESS", "", assignment,
				Instant.now().getEpochSecond());
		return LocalIdentityStore.json(200, answer);
	}

	private Answer status(LocalIdentityCenter center, String requestId, String key) {
		var change = center.changes.get(requestId);
		if (change == null) {
			return error(400, "ResourceNotFoundException", "Request " + requestId + " not found");
		}
		var answer = LocalSecurityHub.JSON.createObjectNode();
		write(answer.putObject(key), requestId, change.status(), change.failureReason(), change.assignment(),
				change.createdAt());
		return LocalIdentityStore.json(200, answer);
	}

	private static void write(ObjectNode status, String requestId, String state, String reason,
			LocalIdentityCenter.Assignment assignment, long createdAt) {
		status.put("Status", state).put("RequestId", requestId);
		if (!reason.isEmpty()) {
			status.put("FailureReason", reason);
		}
		status.put("TargetId", assignment.accountId())
			.put("TargetType", "AWS_ACCOUNT")
			.put("PermissionSetArn", assignment.permissionSetArn())
			.put("PrincipalType", assignment.principalType())
			.put("PrincipalId", assignment.principalId())
			.put("CreatedDate", createdAt);
	}

	private Answer notFound(String arn) {
		return error(400, "ResourceNotFoundException", "Could not find PermissionSet with ARN " + arn);
	}

	@Override
	public Answer error(int status, String code, String message) {
		return LocalIdentityStore.json(status, LocalIdentityStore.error(code, message));
	}

	private record Managed(String name) {

	}

	@Override
	public Answer throttled() {
		return error(400, "ThrottlingException", "Rate exceeded");
	}

}
