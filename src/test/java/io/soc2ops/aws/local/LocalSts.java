package io.soc2ops.aws.local;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import io.soc2ops.aws.local.LocalAws.Answer;
import io.soc2ops.aws.local.LocalAws.Request;
import io.soc2ops.aws.local.LocalAws.Script;

/**
 * STS over awsQuery: a form-encoded {@code Action=...} in, XML out, errors as an
 * {@code ErrorResponse} document.
 */
final class LocalSts implements Protocol {

	static final String NAMESPACE = "https://sts.amazonaws.com/doc/2011-06-15/";

	private static final Pattern ROLE_ARN = Pattern.compile("arn:aws:iam::([0-9]{12}):role/([\\w+=,.@-]+)");

	@Override
	public String prefix() {
		return "sts";
	}

	@Override
	public String operation(Request request) {
		return form(request.body()).getOrDefault("Action", "Unknown");
	}

	@Override
	public Answer serve(String operation, Request request, Script script) {
		var form = form(request.body());
		return switch (operation) {
			case "GetCallerIdentity" -> callerIdentity(request);
			case "AssumeRole" -> assumeRole(request, form, script);
			default -> error(400, "InvalidAction",
					"Could not find operation " + operation + " for version " + form.getOrDefault("Version", "(none)"));
		};
	}

	private Answer callerIdentity(Request request) {
		String account = request.account();
		if (account == null) {
			return error(403, "InvalidClientTokenId", "The security token included in the request is invalid.");
		}
		boolean assumed = request.accessKeyId().startsWith("ASIA");
		String arn = assumed ? "arn:aws:sts::" + account + ":assumed-role/soc2ops-readonly/soc2ops"
				: "arn:aws:iam::" + account + ":user/soc2ops";
		String userId = assumed ? "AROA" + account + "EXAMPLE:soc2ops" : "AIDA" + account + "EXAMPLE";
		return xml("GetCallerIdentity", """
				    <Arn>%s</Arn>
				    <UserId>%s</UserId>
				    <Account>%s</Account>
				""".formatted(arn, userId, account));
	}

	private Answer assumeRole(Request request, Map<String, String> form, Script script) {
		String roleArn = form.getOrDefault("RoleArn", "");
		var role = ROLE_ARN.matcher(roleArn);
		if (!role.matches() || !form.containsKey("RoleSessionName")) {
			return error(400, "ValidationError", "RoleArn and RoleSessionName are required");
		}
		String account = role.group(1);
		String expectedExternalId = script.externalId;
		boolean externalIdOk = expectedExternalId == null || expectedExternalId.equals(form.get("ExternalId"));
		if (request.account() == null || script.deniedRoles.contains(account) || !externalIdOk) {
			return error(403, "AccessDenied", "User: arn:aws:iam::" + request.account()
					+ ":user/soc2ops is not authorized to perform: sts:AssumeRole on resource: " + roleArn);
		}
		String session = form.get("RoleSessionName");
		Instant expiration = Instant.now().plus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
		return xml("AssumeRole", """
				    <AssumedRoleUser>
				      <Arn>arn:aws:sts::%1$s:assumed-role/%2$s/%3$s</Arn>
				      <AssumedRoleId>AROA%1$sEXAMPLE:%3$s</AssumedRoleId>
				    </AssumedRoleUser>
				    <Credentials>
				      <AccessKeyId>ASIA%1$sROLE</AccessKeyId>
				      <SecretAccessKey>%4$s</SecretAccessKey>
				      <SessionToken>FwoGZXIvYXdzEXAMPLE%1$s</SessionToken>
				      <Expiration>%5$s</Expiration>
				    </Credentials>
				    <PackedPolicySize>6</PackedPolicySize>
				""".formatted(account, role.group(2), session, LocalAws.SECRET, expiration));
	}

	private static Answer xml(String operation, String result) {
		return answer(NAMESPACE, operation, result);
	}

	/** An awsQuery answer: {@code <OperationResponse>} with its result and request ID. */
	static Answer answer(String namespace, String operation, String result) {
		return new Answer(200, "text/xml", """
				<%1$sResponse xmlns="%2$s">
				  <%1$sResult>
				%3$s  </%1$sResult>
				  <ResponseMetadata>
				    <RequestId>%4$s</RequestId>
				  </ResponseMetadata>
				</%1$sResponse>
				""".formatted(operation, namespace, result, UUID.randomUUID()));
	}

	@Override
	public Answer error(int status, String code, String message) {
		return error(NAMESPACE, status, code, message);
	}

	/** An awsQuery error: {@code <ErrorResponse>} with a Sender error. */
	static Answer error(String namespace, int status, String code, String message) {
		return new Answer(status, "text/xml", """
				<ErrorResponse xmlns="%s">
				  <Error>
				    <Type>Sender</Type>
				    <Code>%s</Code>
				    <Message>%s</Message>
				  </Error>
				  <RequestId>%s</RequestId>
				</ErrorResponse>
				""".formatted(namespace, code, escape(message), UUID.randomUUID()));
	}

	@Override
	public Answer throttled() {
		return error(400, "Throttling", "Rate exceeded");
	}

	@Override
	public Answer denied(String message) {
		return error(403, "AccessDenied", message);
	}

	static Map<String, String> form(String body) {
		var form = new HashMap<String, String>();
		for (String pair : body.split("&")) {
			int equals = pair.indexOf('=');
			if (equals > 0) {
				form.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
						URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
			}
		}
		return form;
	}

	static String escape(String text) {
		return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
	}

}
