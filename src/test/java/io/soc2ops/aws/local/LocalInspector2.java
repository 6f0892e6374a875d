package io.soc2ops.aws.local;

import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import io.soc2ops.aws.local.LocalAws.Answer;
import io.soc2ops.aws.local.LocalAws.Request;
import io.soc2ops.aws.local.LocalAws.Script;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Amazon Inspector (Inspector2) over restJson1, as its API reference documents it:
 * {@code POST /findings/list} (ListFindings: {@code maxResults} 1-100, {@code nextToken},
 * {@code filterCriteria} on {@code awsAccountId}, {@code findingStatus},
 * {@code findingType} and {@code severity}) and {@code POST /status/batch/get}
 * (BatchGetAccountStatus). Errors carry {@code x-amzn-ErrorType} and a JSON body with
 * {@code message}: {@code ValidationException} (400), {@code AccessDeniedException}
 * (403), {@code ThrottlingException} (429), {@code InternalServerException} (500).
 * <p>
 * Where Inspector is scripted as not enabled, {@code BatchGetAccountStatus} says
 * {@code DISABLED} and {@code ListFindings} is refused with {@code AccessDeniedException}
 * (the API reference names no error of its own for it). Without a {@code findingStatus}
 * filter every status is listed.
 */
final class LocalInspector2 implements Protocol {

	private static final Set<String> COMPARISONS = Set.of("EQUALS", "PREFIX", "NOT_EQUALS");

	/** The string filters this endpoint applies, by the finding field they read. */
	private static final Map<String, String> FILTERED = Map.of("awsAccountId", "awsAccountId", "findingStatus",
			"status", "findingType", "type", "severity", "severity");

	@Override
	public String prefix() {
		return "inspector2";
	}

	@Override
	public String operation(Request request) {
		return switch (request.method() + " " + request.path()) {
			case "POST /findings/list" -> "ListFindings";
			case "POST /status/batch/get" -> "BatchGetAccountStatus";
			default -> "Unknown:" + request.method() + " " + request.path();
		};
	}

	@Override
	public Answer serve(String operation, Request request, Script script) {
		return switch (operation) {
			case "ListFindings" -> findings(request, script);
			case "BatchGetAccountStatus" -> accountStatus(request, script);
			default -> error(404, "UnknownOperationException", "no such operation: " + operation);
		};
	}

	private Answer accountStatus(Request request, Script script) {
		JsonNode body = LocalSecurityHub.JSON.readTree(request.body().isEmpty() ? "{}" : request.body());
		var ids = body.path("accountIds").isEmpty() ? List.of(String.valueOf(request.account()))
				: body.path("accountIds").valueStream().map(JsonNode::asString).toList();
		var answer = LocalSecurityHub.JSON.createObjectNode();
		var accounts = answer.putArray("accounts");
		var failed = answer.putArray("failedAccounts");
		for (String id : ids) {
			if (!id.equals(request.account())) {
				var refused = failed.addObject();
				refused.put("accountId", id);
				refused.put("errorCode", "ACCESS_DENIED");
				refused.put("errorMessage", "The caller is not the Amazon Inspector administrator of " + id);
				continue;
			}
			String status = script.inspectorEnabled(id, request.region()) ? "ENABLED" : "DISABLED";
			var account = accounts.addObject();
			account.put("accountId", id);
			account.putObject("state").put("status", status);
			var resources = account.putObject("resourceState");
			for (String type : new String[] { "ec2", "ecr", "lambda", "lambdaCode" }) {
				resources.putObject(type).put("status", status);
			}
		}
		return ok(answer);
	}

	private Answer findings(Request request, Script script) {
		if (!script.inspectorEnabled(request.account(), request.region())) {
			return denied(
					"Amazon Inspector is not enabled for account " + request.account() + " in " + request.region());
		}
		JsonNode body = LocalSecurityHub.JSON.readTree(request.body().isEmpty() ? "{}" : request.body());
		int max = body.path("maxResults").asInt(100);
		if (max < 1 || max > 100) {
			return validation("maxResults must be 1-100 but was " + max);
		}
		var criteria = body.path("filterCriteria");
		String problem = problem(criteria);
		if (problem != null) {
			return validation(problem);
		}
		var matching = script.inspectorFindings(request.account(), request.region())
			.stream()
			.map(LocalSecurityHub.JSON::readTree)
			.filter(finding -> matches(finding, criteria))
			.toList();
		int from = offset(body.path("nextToken").asString(""));
		int page = from / max + 1;
		if (page == script.failingInspectorPage(request.account(), request.region())) {
			return error(500, "InternalServerException", "The request has failed due to an internal failure");
		}
		var answer = LocalSecurityHub.JSON.createObjectNode();
		var findings = answer.putArray("findings");
		matching.subList(Math.min(from, matching.size()), Math.min(from + max, matching.size())).forEach(findings::add);
		if (from + max < matching.size()) {
			answer.put("nextToken", token(from + max));
		}
		return ok(answer);
	}

	/** What breaks the documented shape of the filters this endpoint applies. */
	private static @Nullable String problem(JsonNode criteria) {
		for (String name : FILTERED.keySet()) {
			var filters = criteria.path(name);
			if (filters.isMissingNode()) {
				continue;
			}
			if (!filters.isArray() || filters.isEmpty() || filters.size() > 10) {
				return "filterCriteria." + name + " must hold 1-10 string filters";
			}
			for (JsonNode filter : filters) {
				if (!COMPARISONS.contains(filter.path("comparison").asString(""))
						|| filter.path("value").asString("").isEmpty()) {
					return "filterCriteria." + name + ": each filter needs a comparison (EQUALS, PREFIX, NOT_EQUALS)"
							+ " and a value";
				}
			}
		}
		return null;
	}

	/**
	 * Every filtered field must match: one of its EQUALS or PREFIX filters (when it has
	 * any) and none of its NOT_EQUALS filters.
	 */
	private static boolean matches(JsonNode finding, JsonNode criteria) {
		for (var filtered : FILTERED.entrySet()) {
			var filters = criteria.path(filtered.getKey());
			if (filters.isMissingNode()) {
				continue;
			}
			String value = finding.path(filtered.getValue()).asString("");
			boolean anyPositive = false;
			boolean positiveMatch = false;
			for (JsonNode filter : filters) {
				String wanted = filter.path("value").asString();
				switch (filter.path("comparison").asString()) {
					case "EQUALS" -> {
						anyPositive = true;
						positiveMatch |= value.equals(wanted);
					}
					case "PREFIX" -> {
						anyPositive = true;
						positiveMatch |= value.startsWith(wanted);
					}
					case "NOT_EQUALS" -> {
						if (value.equals(wanted)) {
							return false;
						}
					}
					default -> throw new IllegalStateException("checked before");
				}
			}
			if (anyPositive && !positiveMatch) {
				return false;
			}
		}
		return true;
	}

	private static int offset(String token) {
		return token.isEmpty() ? 0 : Integer.parseInt(new String(Base64.getDecoder().decode(token)).substring(7));
	}

	private static String token(int offset) {
		return Base64.getEncoder().encodeToString(("offset:" + offset).getBytes());
	}

	private static Answer ok(ObjectNode body) {
		return new Answer(200, "application/json", LocalSecurityHub.JSON.writeValueAsString(body));
	}

	private Answer validation(String message) {
		var body = LocalSecurityHub.JSON.createObjectNode();
		body.put("message", message);
		body.put("reason", "FIELD_VALIDATION_FAILED");
		return new Answer(400, "application/json", LocalSecurityHub.JSON.writeValueAsString(body),
				Map.of("x-amzn-ErrorType", "ValidationException"));
	}

	@Override
	public Answer error(int status, String code, String message) {
		var body = LocalSecurityHub.JSON.createObjectNode();
		body.put("message", message);
		return new Answer(status, "application/json", LocalSecurityHub.JSON.writeValueAsString(body),
				Map.of("x-amzn-ErrorType", code));
	}

	@Override
	public Answer throttled() {
		return error(429, "ThrottlingException", "The limit on the number of requests per second was exceeded.");
	}

	@Override
	public Answer denied(String message) {
		return error(403, "AccessDeniedException", message);
	}

}
