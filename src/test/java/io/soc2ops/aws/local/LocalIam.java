package io.soc2ops.aws.local;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.jspecify.annotations.Nullable;

import io.soc2ops.aws.local.LocalAws.Answer;
import io.soc2ops.aws.local.LocalAws.Request;
import io.soc2ops.aws.local.LocalAws.Script;

/**
 * IAM over awsQuery: a form-encoded {@code Action=...} in, XML in the
 * {@code https://iam.amazonaws.com/doc/2010-05-08/} namespace out, errors as an
 * {@code ErrorResponse}. {@code GetAccountAuthorizationDetails} pages with
 * {@code MaxItems}, {@code Marker} and {@code IsTruncated} across its four lists (users,
 * groups, roles, managed policies, in that order) and honours {@code Filter}; policy
 * documents are URL-encoded as IAM sends them. {@code GenerateCredentialReport} answers
 * STARTED, then COMPLETE; {@code GetCredentialReport} sends the CSV in base64.
 */
final class LocalIam implements Protocol {

	static final String NAMESPACE = "https://iam.amazonaws.com/doc/2010-05-08/";

	static final Instant CREATED = Instant.parse("2024-02-01T09:00:00Z");

	/** The credential report columns, as AWS documents them. */
	static final String REPORT_HEADER = "user,arn,user_creation_time,password_enabled,password_last_used,"
			+ "password_last_changed,password_next_rotation,mfa_active,access_key_1_active,access_key_1_last_rotated,"
			+ "access_key_1_last_used_date,access_key_1_last_used_region,access_key_1_last_used_service,"
			+ "access_key_2_active,access_key_2_last_rotated,access_key_2_last_used_date,access_key_2_last_used_region,"
			+ "access_key_2_last_used_service,cert_1_active,cert_1_last_rotated,cert_2_active,cert_2_last_rotated";

	@Override
	public String prefix() {
		return "iam";
	}

	@Override
	public String operation(Request request) {
		return LocalSts.form(request.body()).getOrDefault("Action", "Unknown");
	}

	@Override
	public Answer serve(String operation, Request request, Script script) {
		var form = LocalSts.form(request.body());
		String account = request.account();
		if (account == null) {
			return error(403, "InvalidClientTokenId", "The security token included in the request is invalid.");
		}
		var iam = script.iam(account);
		return switch (operation) {
			case "GetAccountAuthorizationDetails" -> details(account, iam, form, script);
			case "GenerateCredentialReport" -> generate(iam);
			case "GetCredentialReport" -> report(account, iam);
			default -> error(400, "InvalidAction", "Could not find operation " + operation);
		};
	}

	private Answer details(String account, Account iam, Map<String, String> form, Script script) {
		int max = Integer.parseInt(form.getOrDefault("MaxItems", "100"));
		if (max < 1 || max > 1000) {
			return error(400, "ValidationError", "MaxItems must be 1-1000");
		}
		Set<String> filter = new TreeSet<>();
		form.forEach((key, value) -> {
			if (key.startsWith("Filter.member.")) {
				filter.add(value);
			}
		});
		var entries = new ArrayList<Entry>();
		iam.users.forEach(user -> entries.add(new Entry("User", user(account, user))));
		iam.groups.forEach(group -> entries.add(new Entry("Group", group(account, group))));
		iam.roles.forEach(role -> entries.add(new Entry("Role", role(account, role))));
		iam.policies.forEach(policy -> entries.add(new Entry("LocalManagedPolicy", policy(account, policy))));
		var listed = entries.stream().filter(entry -> filter.isEmpty() || filter.contains(entry.type())).toList();
		int from = form.containsKey("Marker") ? Integer.parseInt(form.get("Marker").substring(5)) : 0;
		int page = from / max + 1;
		if (script.failsPage("GetAccountAuthorizationDetails", account, page)) {
			return error(500, "ServiceFailure", "Request processing has failed due to an unknown error.");
		}
		int to = Math.min(listed.size(), from + max);
		var users = new StringBuilder();
		var groups = new StringBuilder();
		var roles = new StringBuilder();
		var policies = new StringBuilder();
		for (var entry : listed.subList(from, to)) {
			switch (entry.type()) {
				case "User" -> users.append(entry.xml());
				case "Group" -> groups.append(entry.xml());
				case "Role" -> roles.append(entry.xml());
				default -> policies.append(entry.xml());
			}
		}
		boolean truncated = to < listed.size();
		return xml("GetAccountAuthorizationDetails", """
				    <IsTruncated>%s</IsTruncated>
				%s    <UserDetailList>%s</UserDetailList>
				    <GroupDetailList>%s</GroupDetailList>
				    <RoleDetailList>%s</RoleDetailList>
				    <Policies>%s</Policies>
				""".formatted(truncated, truncated ? "    <Marker>page:" + to + "</Marker>\n" : "", users, groups,
				roles, policies));
	}

	private static String user(String account, User user) {
		var groups = new StringBuilder();
		user.groups().forEach(group -> groups.append("<member>").append(group).append("</member>"));
		var attached = new StringBuilder();
		user.managedPolicies().forEach(policy -> attached.append(attached(policy)));
		var inline = new StringBuilder();
		user.inlinePolicies()
			.forEach((name, document) -> inline.append("<member><PolicyName>")
				.append(name)
				.append("</PolicyName><PolicyDocument>")
				.append(encode(document))
				.append("</PolicyDocument></member>"));
		return "<member><Path>/</Path><UserName>" + user.name() + "</UserName><UserId>AIDA" + id(user.name())
				+ "</UserId><Arn>arn:aws:iam::" + account + ":user/" + user.name() + "</Arn><CreateDate>" + CREATED
				+ "</CreateDate><UserPolicyList>" + inline + "</UserPolicyList><GroupList>" + groups
				+ "</GroupList><AttachedManagedPolicies>" + attached + "</AttachedManagedPolicies><Tags/></member>";
	}

	private static String group(String account, String group) {
		return "<member><Path>/</Path><GroupName>" + group + "</GroupName><GroupId>AGPA" + id(group)
				+ "</GroupId><Arn>arn:aws:iam::" + account + ":group/" + group + "</Arn><CreateDate>" + CREATED
				+ "</CreateDate><GroupPolicyList/><AttachedManagedPolicies>" + attached("ReadOnlyAccess")
				+ "</AttachedManagedPolicies></member>";
	}

	private static String role(String account, String role) {
		String trust = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":"
				+ "{\"Service\":\"ec2.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}";
		return "<member><Path>/</Path><RoleName>" + role + "</RoleName><RoleId>AROA" + id(role)
				+ "</RoleId><Arn>arn:aws:iam::" + account + ":role/" + role + "</Arn><CreateDate>" + CREATED
				+ "</CreateDate><AssumeRolePolicyDocument>" + encode(trust)
				+ "</AssumeRolePolicyDocument><InstanceProfileList/><RolePolicyList/><AttachedManagedPolicies/>"
				+ "<Tags/><RoleLastUsed/></member>";
	}

	private static String policy(String account, Policy policy) {
		return "<member><PolicyName>" + policy.name() + "</PolicyName><PolicyId>ANPA" + id(policy.name())
				+ "</PolicyId><Arn>arn:aws:iam::" + account + ":policy/" + policy.name()
				+ "</Arn><Path>/</Path><DefaultVersionId>v1</DefaultVersionId><AttachmentCount>1</AttachmentCount>"
				+ "<PermissionsBoundaryUsageCount>0</PermissionsBoundaryUsageCount><IsAttachable>true</IsAttachable>"
				+ "<CreateDate>" + CREATED + "</CreateDate><UpdateDate>" + CREATED
				+ "</UpdateDate><PolicyVersionList><member><Document>" + encode(policy.document())
				+ "</Document><VersionId>v1</VersionId><IsDefaultVersion>true</IsDefaultVersion><CreateDate>" + CREATED
				+ "</CreateDate></member></PolicyVersionList></member>";
	}

	private static String attached(String awsManagedPolicy) {
		return "<member><PolicyName>" + awsManagedPolicy + "</PolicyName><PolicyArn>arn:aws:iam::aws:policy/"
				+ awsManagedPolicy + "</PolicyArn></member>";
	}

	/** IAM sends policy documents URL-encoded (RFC 3986). */
	private static String encode(String document) {
		return URLEncoder.encode(document, StandardCharsets.UTF_8).replace("+", "%20");
	}

	private static String id(String name) {
		return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8))
			.toString()
			.replace("-", "")
			.substring(0, 17)
			.toUpperCase();
	}

	private Answer generate(Account iam) {
		String state;
		synchronized (iam) {
			if (iam.generatedAt != null) {
				state = "COMPLETE";
			}
			else if (iam.pendingCalls-- > 0) {
				state = iam.started ? "INPROGRESS" : "STARTED";
				iam.started = true;
			}
			else {
				iam.generatedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS);
				state = "COMPLETE";
			}
		}
		String description = state.equals("STARTED") ? "No report exists. Starting a new report generation task"
				: state.equals("COMPLETE") ? "Report is complete" : "Report generation is in progress";
		return xml("GenerateCredentialReport",
				"    <Description>" + description + "</Description>\n    <State>" + state + "</State>\n");
	}

	private Answer report(String account, Account iam) {
		Instant generatedAt;
		synchronized (iam) {
			generatedAt = iam.generatedAt;
		}
		if (generatedAt == null) {
			return error(410, "ReportNotPresent", "Credential report not present.");
		}
		String csv = iam.credentialReport != null ? iam.credentialReport : REPORT_HEADER
				+ "\n<root_account>,arn:aws:iam::" + account + ":root," + CREATED.toString().replace("Z", "+00:00")
				+ ",not_supported,2026-05-01T08:00:00+00:00,not_supported,not_supported,true,false,N/A,N/A,N/A,N/A,"
				+ "false,N/A,N/A,N/A,N/A,false,N/A,false,N/A\n";
		return xml("GetCredentialReport",
				"    <Content>" + Base64.getEncoder().encodeToString(csv.getBytes(StandardCharsets.UTF_8))
						+ "</Content>\n    <ReportFormat>text/csv</ReportFormat>\n    <GeneratedTime>" + generatedAt
						+ "</GeneratedTime>\n");
	}

	private static Answer xml(String operation, String result) {
		return LocalSts.answer(NAMESPACE, operation, result);
	}

	@Override
	public Answer error(int status, String code, String message) {
		return LocalSts.error(NAMESPACE, status, code, message);
	}

	@Override
	public Answer throttled() {
		return error(400, "Throttling", "Rate exceeded");
	}

	@Override
	public Answer denied(String message) {
		return error(403, "AccessDenied", message);
	}

	private record Entry(String type, String xml) {

	}

	/**
	 * An IAM user.
	 *
	 * @param managedPolicies AWS managed policies' names
	 * @param inlinePolicies inline policies' names and documents
	 */
	public record User(String name, List<String> groups, List<String> managedPolicies,
			Map<String, String> inlinePolicies) {

	}

	/** A customer managed policy. */
	public record Policy(String name, String document) {

	}

	/** One account's IAM, as a test scripts it. */
	public static final class Account {

		final List<User> users = new CopyOnWriteArrayList<>();

		final List<String> groups = new CopyOnWriteArrayList<>();

		final List<String> roles = new CopyOnWriteArrayList<>();

		final List<Policy> policies = new CopyOnWriteArrayList<>();

		volatile @Nullable String credentialReport;

		/**
		 * GenerateCredentialReport calls answered STARTED or INPROGRESS before COMPLETE.
		 */
		int pendingCalls = 1;

		boolean started;

		@Nullable Instant generatedAt;

		public Account user(String name, List<String> groups, List<String> managedPolicies,
				Map<String, String> inlinePolicies) {
			users.add(new User(name, groups, managedPolicies, inlinePolicies));
			return this;
		}

		public Account removeUser(String name) {
			users.removeIf(user -> user.name().equals(name));
			return this;
		}

		public Account group(String name) {
			groups.add(name);
			return this;
		}

		public Account role(String name) {
			roles.add(name);
			return this;
		}

		public Account policy(String name, String document) {
			policies.add(new Policy(name, document));
			return this;
		}

		/** The report {@code GetCredentialReport} sends (a CSV in AWS's format). */
		public Account credentialReport(String csv) {
			credentialReport = csv;
			return this;
		}

		/** How many GenerateCredentialReport calls answer STARTED/INPROGRESS first. */
		public synchronized Account reportAfter(int calls) {
			pendingCalls = calls;
			started = false;
			generatedAt = null;
			return this;
		}

	}

}
