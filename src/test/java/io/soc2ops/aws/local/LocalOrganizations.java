package io.soc2ops.aws.local;

import java.time.Instant;

import io.soc2ops.aws.local.LocalAws.Answer;
import io.soc2ops.aws.local.LocalAws.Request;
import io.soc2ops.aws.local.LocalAws.Script;
import tools.jackson.databind.JsonNode;

/**
 * Organizations over awsJson1_1: {@code X-Amz-Target: AWSOrganizationsV20161128.*},
 * errors as {@code __type} in a JSON body.
 */
final class LocalOrganizations implements Protocol {

	static final String TARGET_PREFIX = "AWSOrganizationsV20161128.";

	static final String ORGANIZATION_ID = "o-exampleorgid";

	/** When the accounts joined: 2024-01-15T00:00:00Z. */
	static final long JOINED = Instant.parse("2024-01-15T00:00:00Z").getEpochSecond();

	@Override
	public String prefix() {
		return "organizations";
	}

	@Override
	public String operation(Request request) {
		String target = request.target();
		return target != null && target.startsWith(TARGET_PREFIX) ? target.substring(TARGET_PREFIX.length())
				: "Unknown";
	}

	@Override
	public Answer serve(String operation, Request request, Script script) {
		if (!operation.equals("ListAccounts")) {
			return error(400, "UnknownOperationException", "no such operation: " + operation);
		}
		String management = script.management;
		if (management == null) {
			return error(400, "AWSOrganizationsNotInUseException", "Your account is not a member of an organization.");
		}
		if (!management.equals(request.account())) {
			return denied("You don't have permissions to access this resource.");
		}
		JsonNode body = LocalSecurityHub.JSON.readTree(request.body().isEmpty() ? "{}" : request.body());
		int max = body.path("MaxResults").asInt(20);
		if (max < 1 || max > 20) {
			return error(400, "InvalidInputException", "MaxResults must be 1-20");
		}
		String token = body.path("NextToken").asString("");
		int from = token.isEmpty() ? 0 : Integer.parseInt(token.substring(5));
		var accounts = script.accounts;
		var page = LocalSecurityHub.JSON.createObjectNode();
		var list = page.putArray("Accounts");
		for (int i = from; i < Math.min(from + max, accounts.size()); i++) {
			String id = accounts.get(i);
			boolean suspended = script.suspended.contains(id);
			var account = list.addObject();
			account.put("Id", id);
			account.put("Arn", "arn:aws:organizations::" + management + ":account/" + ORGANIZATION_ID + "/" + id);
			account.put("Email", "aws+" + id + "@example.com");
			account.put("Name", id.equals(management) ? "management" : "member-" + id.substring(8));
			account.put("Status", suspended ? "SUSPENDED" : "ACTIVE");
			account.put("State", suspended ? "SUSPENDED" : "ACTIVE");
			account.put("JoinedMethod", id.equals(management) ? "CREATED" : "INVITED");
			account.put("JoinedTimestamp", JOINED);
		}
		if (from + max < accounts.size()) {
			page.put("NextToken", "page:" + (from + max));
		}
		return new Answer(200, "application/x-amz-json-1.1", LocalSecurityHub.JSON.writeValueAsString(page));
	}

	@Override
	public Answer error(int status, String code, String message) {
		var body = LocalSecurityHub.JSON.createObjectNode();
		body.put("__type", code);
		body.put("Message", message);
		return new Answer(status, "application/x-amz-json-1.1", LocalSecurityHub.JSON.writeValueAsString(body));
	}

	@Override
	public Answer throttled() {
		return error(400, "TooManyRequestsException", "You have sent too many requests in too short a period of time.");
	}

}
