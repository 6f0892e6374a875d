package io.soc2ops.aws.local;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.Map;

import io.soc2ops.aws.local.LocalAws.Answer;
import io.soc2ops.aws.local.LocalAws.Request;
import io.soc2ops.aws.local.LocalAws.Script;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Security Hub over restJson1: {@code POST /findings} (GetFindings),
 * {@code POST /standards/get} (GetEnabledStandards), and of the new Security Hub
 * {@code GET /hubv2} (DescribeSecurityHubV2: {@code ResourceNotFoundException} "You are
 * not subscribed to HubV2" where it is not enabled) and {@code POST /findingsv2}
 * (GetFindingsV2, filtered on {@code finding_info.modified_time_dt}); the one write,
 * {@code PATCH /findings/batchupdate} (BatchUpdateFindings), checked against its
 * documented request and answered with {@code ProcessedFindings} and
 * {@code UnprocessedFindings}; errors with {@code x-amzn-ErrorType} and a JSON body.
 */
final class LocalSecurityHub implements Protocol {

	static final JsonMapper JSON = JsonMapper.builder().build();

	@Override
	public String prefix() {
		return "securityhub";
	}

	@Override
	public String operation(Request request) {
		return switch (request.method() + " " + request.path()) {
			case "POST /findings" -> "GetFindings";
			case "POST /standards/get" -> "GetEnabledStandards";
			case "GET /accounts" -> "DescribeHub";
			case "GET /hubv2" -> "DescribeSecurityHubV2";
			case "POST /findingsv2" -> "GetFindingsV2";
			case "PATCH /findings/batchupdate" -> "BatchUpdateFindings";
			default -> "Unknown:" + request.method() + " " + request.path();
		};
	}

	@Override
	public Answer serve(String operation, Request request, Script script) {
		if (script.hubDisabled.contains(request.account() + "/" + request.region())) {
			return error(401, "InvalidAccessException",
					"Account " + request.account() + " is not subscribed to AWS Security Hub");
		}
		return switch (operation) {
			case "GetFindings" -> findings(request, script);
			case "GetEnabledStandards" -> standards(request, script);
			case "DescribeSecurityHubV2" -> hubV2(request, script);
			case "GetFindingsV2" -> findingsV2(request, script);
			case "BatchUpdateFindings" -> batchUpdate(request, script);
			default -> error(404, "UnknownOperationException", "no such operation: " + operation);
		};
	}

	private Answer findings(Request request, Script script) {
		JsonNode body = JSON.readTree(request.body().isEmpty() ? "{}" : request.body());
		int max = body.path("MaxResults").asInt(100);
		if (max < 1 || max > 100) {
			return error(400, "InvalidInputException", "MaxResults must be 1-100");
		}
		var matching = script.findings(request.account(), request.region())
			.stream()
			.map(JSON::readTree)
			.filter(finding -> updatedWithin(finding, body.path("Filters").path("UpdatedAt")))
			.toList();
		int from = offset(body.path("NextToken").asString(""));
		var page = JSON.createObjectNode();
		var findings = page.putArray("Findings");
		matching.subList(Math.min(from, matching.size()), Math.min(from + max, matching.size())).forEach(findings::add);
		if (from + max < matching.size()) {
			page.put("NextToken", token(from + max));
		}
		return ok(page);
	}

	/**
	 * Every finding is processed unless the script says otherwise; a request that breaks
	 * the documented shape (1-100 identifiers with {@code Id} and {@code ProductArn}; a
	 * {@code Note} with {@code Text} of 1-512 characters and {@code UpdatedBy}; a known
	 * {@code Workflow.Status}) is refused with {@code InvalidInputException}.
	 */
	private Answer batchUpdate(Request request, Script script) {
		JsonNode body = JSON.readTree(request.body().isEmpty() ? "{}" : request.body());
		String problem = BatchUpdateShape.problem(body);
		if (problem != null) {
			return error(400, "InvalidInputException", problem);
		}
		var answer = JSON.createObjectNode();
		var processed = answer.putArray("ProcessedFindings");
		var unprocessed = answer.putArray("UnprocessedFindings");
		for (JsonNode identifier : body.path("FindingIdentifiers")) {
			var scripted = script.unprocessed.get(identifier.path("Id").asString());
			if (scripted != null && scripted.times().getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
				var finding = unprocessed.addObject();
				finding.set("FindingIdentifier", identifier);
				finding.put("ErrorCode", scripted.errorCode());
				finding.put("ErrorMessage", "The finding could not be updated: " + scripted.errorCode());
			}
			else {
				processed.add(identifier);
			}
		}
		return ok(answer);
	}

	/** GetFindings and GetFindingsV2 both need {@code securityhub:GetFindings} (AWS). */
	@Override
	public String action(String operation) {
		return prefix() + ":" + (operation.equals("GetFindingsV2") ? "GetFindings" : operation);
	}

	private Answer hubV2(Request request, Script script) {
		if (!script.hubV2Enabled(request.account(), request.region())) {
			return error(404, "ResourceNotFoundException", "You are not subscribed to HubV2");
		}
		var hub = JSON.createObjectNode();
		hub.put("HubV2Arn", "arn:aws:securityhub:" + request.region() + ":" + request.account() + ":hubv2/"
				+ request.account() + "-" + request.region());
		hub.put("SubscribedAt", "2026-07-01T00:00:00.000Z");
		return ok(hub);
	}

	private Answer findingsV2(Request request, Script script) {
		if (!script.hubV2Enabled(request.account(), request.region())) {
			return error(404, "ResourceNotFoundException", "You are not subscribed to HubV2");
		}
		JsonNode body = JSON.readTree(request.body().isEmpty() ? "{}" : request.body());
		int max = body.path("MaxResults").asInt(100);
		if (max < 1 || max > 100) {
			return error(400, "ValidationException", "MaxResults must be 1-100");
		}
		var matching = script.findingsV2(request.account(), request.region())
			.stream()
			.map(JSON::readTree)
			.filter(finding -> modifiedWithin(finding, body.path("Filters").path("CompositeFilters")))
			.toList();
		int from = offset(body.path("NextToken").asString(""));
		var page = JSON.createObjectNode();
		var findings = page.putArray("Findings");
		matching.subList(Math.min(from, matching.size()), Math.min(from + max, matching.size())).forEach(findings::add);
		if (from + max < matching.size()) {
			page.put("NextToken", token(from + max));
		}
		return ok(page);
	}

	/** Every date filter on {@code finding_info.modified_time_dt} must hold. */
	private static boolean modifiedWithin(JsonNode finding, JsonNode composites) {
		Instant modified = OffsetDateTime.parse(finding.path("finding_info").path("modified_time_dt").asString())
			.toInstant();
		for (JsonNode composite : composites) {
			for (JsonNode date : composite.path("DateFilters")) {
				if (!date.path("FieldName").asString().equals("finding_info.modified_time_dt")) {
					continue;
				}
				var filter = date.path("Filter");
				if (filter.has("Start")
						&& modified.isBefore(OffsetDateTime.parse(filter.path("Start").asString()).toInstant())
						|| filter.has("End")
								&& modified.isAfter(OffsetDateTime.parse(filter.path("End").asString()).toInstant())) {
					return false;
				}
			}
		}
		return true;
	}

	private static boolean updatedWithin(JsonNode finding, JsonNode filters) {
		if (!filters.isArray() || filters.isEmpty()) {
			return true;
		}
		Instant updated = OffsetDateTime.parse(finding.path("UpdatedAt").asString()).toInstant();
		for (JsonNode filter : filters) {
			boolean afterStart = !filter.has("Start")
					|| !updated.isBefore(OffsetDateTime.parse(filter.path("Start").asString()).toInstant());
			boolean beforeEnd = !filter.has("End")
					|| !updated.isAfter(OffsetDateTime.parse(filter.path("End").asString()).toInstant());
			if (afterStart && beforeEnd) {
				return true;
			}
		}
		return false;
	}

	private Answer standards(Request request, Script script) {
		var page = JSON.createObjectNode();
		var subscriptions = page.putArray("StandardsSubscriptions");
		for (String standard : script.standards(request.account(), request.region())) {
			var subscription = subscriptions.addObject();
			subscription.put("StandardsSubscriptionArn",
					"arn:aws:securityhub:" + request.region() + ":" + request.account() + ":subscription/" + standard);
			subscription.put("StandardsArn", "arn:aws:securityhub:" + request.region() + "::standards/" + standard);
			subscription.putObject("StandardsInput");
			subscription.put("StandardsStatus", "READY");
			subscription.put("StandardsControlsUpdatable", "READY_FOR_UPDATES");
		}
		return ok(page);
	}

	private static int offset(String token) {
		return token.isEmpty() ? 0 : Integer.parseInt(new String(Base64.getDecoder().decode(token)).substring(7));
	}

	private static String token(int offset) {
		return Base64.getEncoder().encodeToString(("offset:" + offset).getBytes());
	}

	private static Answer ok(ObjectNode body) {
		return new Answer(200, "application/json", JSON.writeValueAsString(body));
	}

	@Override
	public Answer error(int status, String code, String message) {
		return jsonError(status, code, message);
	}

	static Answer jsonError(int status, String code, String message) {
		var body = JSON.createObjectNode();
		body.put("__type", code);
		body.put("Code", code);
		body.put("Message", message);
		return new Answer(status, "application/json", JSON.writeValueAsString(body), Map.of("x-amzn-ErrorType", code));
	}

	@Override
	public Answer throttled() {
		return error(400, "ThrottlingException", "Rate exceeded");
	}

	@Override
	public Answer denied(String message) {
		return error(403, "AccessDeniedException", message);
	}

}
