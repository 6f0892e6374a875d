package io.soc2ops.aws;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import io.soc2ops.access.AccessInventory;
import io.soc2ops.access.AccessRefused;
import io.soc2ops.access.CredentialReports;
import io.soc2ops.access.IamInventory;
import io.soc2ops.access.InventoryObject;
import io.soc2ops.evidence.Actor;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.exception.SdkException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads one account's IAM into the access inventory: every page of
 * {@code GetAccountAuthorizationDetails} (users with their policies and groups, groups,
 * roles, managed policies), handed over as one sync — marked incomplete, so that nothing
 * is closed, when a page failed — then its credential report. Where it got to is kept as
 * the {@code iam} collector's sync, in us-east-1, where IAM's calls are signed.
 */
@Component
class IamPull {

	static final String COLLECTOR = "iam";

	/** IAM is global; its calls are signed for this Region. */
	static final Region GLOBAL = new Region("us-east-1");

	static final Actor COLLECTOR_ACTOR = Actor.system("aws-collector");

	/** The fields IAM sends URL-encoded (RFC 3986), decoded in the stored documents. */
	private static final Set<String> POLICY_FIELDS = Set.of("PolicyDocument", "Document", "AssumeRolePolicyDocument");

	private static final Logger log = LoggerFactory.getLogger(IamPull.class);

	private final IamSettings settings;

	private final IamReads reads;

	private final CollectorSyncs syncs;

	private final AccessInventory inventory;

	private final CredentialReports reports;

	private final Clock clock;

	IamPull(IamSettings settings, IamReads reads, CollectorSyncs syncs, AccessInventory inventory,
			CredentialReports reports, Clock clock) {
		this.settings = settings;
		this.reads = reads;
		this.syncs = syncs;
		this.inventory = inventory;
		this.reports = reports;
		this.clock = clock;
	}

	boolean enabled() {
		return settings.enabled();
	}

	InventorySync pull(AccountId account) {
		var target = new AccountRegion(account, GLOBAL);
		Instant started = clock.instant().truncatedTo(ChronoUnit.MILLIS);
		var objects = new ArrayList<InventoryObject>();
		String call = "iam:GetAccountAuthorizationDetails";
		AwsFailure failure = null;
		try {
			for (var page : reads.authorizationDetails(account, settings.pageSize())) {
				page.userDetailList().forEach(user -> objects.add(object("iam-user", user.arn(), user)));
				page.groupDetailList().forEach(group -> objects.add(object("iam-group", group.arn(), group)));
				page.roleDetailList().forEach(role -> objects.add(object("iam-role", role.arn(), role)));
				page.policies().forEach(policy -> objects.add(object("iam-policy", policy.arn(), policy)));
			}
		}
		catch (SdkException ex) {
			failure = AwsFailure.of(call, ex);
		}
		try {
			inventory.iamCollected(new IamInventory(account.value(), started, failure == null,
					failure == null ? "" : failure.message(), objects));
			if (failure == null && settings.credentialReport()) {
				call = "iam:GenerateCredentialReport";
				var report = reads.credentialReport(account, settings.reportWait(), settings.reportBackoff());
				call = "storing the credential report";
				reports.store(account.value(), report.csv(), report.generatedAt(), "collector", COLLECTOR_ACTOR);
			}
		}
		catch (SdkException ex) {
			failure = AwsFailure.of(call, ex);
		}
		catch (AccessRefused | IamReads.NotReady ex) {
			failure = new AwsFailure(ConnectionStatus.ERROR, call + ": " + ex.getMessage());
		}
		catch (RuntimeException ex) {
			// whatever else broke for this account must not stop the others
			log.warn("Reading IAM of {} failed", account, ex);
			failure = new AwsFailure(ConnectionStatus.ERROR, call + " of " + account + " failed: " + ex);
		}
		if (failure != null) {
			syncs.failed(target, COLLECTOR, failure.message(), started);
			return new InventorySync(COLLECTOR, target, failure.status(), objects.size(), started, failure.message());
		}
		syncs.succeeded(target, COLLECTOR, started, started, objects.size());
		return new InventorySync(COLLECTOR, target, ConnectionStatus.OK, objects.size(), started, null);
	}

	/** IAM was not asked: why is already known. */
	InventorySync skipped(AccountId account, AwsFailure failure) {
		var target = new AccountRegion(account, GLOBAL);
		Instant started = clock.instant().truncatedTo(ChronoUnit.MILLIS);
		syncs.failed(target, COLLECTOR, failure.message(), started);
		return new InventorySync(COLLECTOR, target, failure.status(), 0, started, failure.message());
	}

	private static InventoryObject object(String kind, String arn, SdkPojo detail) {
		var document = AsffJson.of(detail);
		decodePolicies(document);
		return new InventoryObject(kind, arn, AsffJson.JSON.writeValueAsString(document));
	}

	private static void decodePolicies(JsonNode node) {
		if (node instanceof ObjectNode object) {
			for (String field : List.copyOf(object.propertyNames())) {
				var value = object.get(field);
				if (POLICY_FIELDS.contains(field) && value.isString()) {
					// percent-decoding only: a literal + stays a +
					object.put(field, URLDecoder.decode(value.asString().replace("+", "%2B"), StandardCharsets.UTF_8));
				}
				else {
					decodePolicies(value);
				}
			}
		}
		else if (node.isArray()) {
			node.forEach(IamPull::decodePolicies);
		}
	}

}
