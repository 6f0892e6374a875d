package io.soc2ops.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code deploy/aws/soc2ops-events.yaml}, the CloudFormation template for the Security
 * Hub administrator account: valid as CloudFormation reads it, selecting exactly the
 * events of soc2ops' default alert rule, and delivering them to soc2ops' webhook or to a
 * queue only soc2ops reads, with nothing lost when delivery fails.
 */
class EventsTemplateTests {

	static final JsonMapper JSON = JsonMapper.builder().build();

	static final CloudFormationTemplate TEMPLATE = CloudFormationTemplate.read(CloudFormationTemplate.EVENTS);

	static final String ENDPOINT = "https://soc2ops.example.com/api/v1/events";

	static final String KEY_ARN = "arn:aws:kms:ap-northeast-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab";

	static final Map<String, String> API_WITH_KEY = Map.of("Target", "ApiDestination", "EventsEndpoint", ENDPOINT,
			"ApiKey", "s2o_example");

	static final Map<String, String> API_WITH_SECRET = Map.of("Target", "ApiDestination", "EventsEndpoint", ENDPOINT,
			"ApiKeySecretId", "soc2ops/eventbridge-api-key");

	static final Map<String, String> QUEUE = Map.of("Target", "Queue");

	static final Map<String, String> QUEUE_WITH_CMK = Map.of("Target", "Queue", "QueueKmsKeyArn", KEY_ARN);

	static final List<Map<String, String>> DEPLOYMENTS = List.of(API_WITH_KEY, API_WITH_SECRET, QUEUE, QUEUE_WITH_CMK);

	@Test
	void theTemplateIsValidAsWritten() {
		assertThat(TEMPLATE.problems()).isEmpty();
	}

	@Test
	void everyDeploymentIsAcceptedAndRefersOnlyToResourcesItCreates() {
		for (var arguments : DEPLOYMENTS) {
			assertThat(TEMPLATE.refusals(arguments)).as("refusals of %s", arguments).isEmpty();
			assertThat(TEMPLATE.deploy(arguments).problems()).as("problems of %s", arguments).isEmpty();
		}
	}

	@Test
	void theChecksFindWhatCloudFormationWouldRefuse() {
		var broken = CloudFormationTemplate.parse("""
				Parameters:
				  Mode: {Type: String, Default: a, AllowedValues: [a, b]}
				Conditions:
				  IsB: !Equals [!Ref Mode, b]
				Resources:
				  Queue:
				    Type: AWS::SQS::Queue
				    Condition: IsB
				    Properties:
				      QueueNme: typo
				  Policy:
				    Type: AWS::SQS::QueuePolicy
				    Properties:
				      Queues: [!Ref Queue, !Ref Missing]
				      Other: !GetAtt Queue.Url
				  Role:
				    Type: AWS::IAM::Role
				    Condition: IsC
				    Properties:
				      Description: !Sub "${Nowhere} ${Queue.Arn}"
				  Topic:
				    Type: AWS::SNS::Topic
				""");

		assertThat(broken.problems()).containsExactlyInAnyOrder(
				"Resources/Queue: AWS::SQS::Queue has no property QueueNme",
				"Resources/Policy: AWS::SQS::QueuePolicy has no property Other",
				"Resources/Policy: AWS::SQS::QueuePolicy requires PolicyDocument",
				"Resources/Role: AWS::IAM::Role requires AssumeRolePolicyDocument",
				"Resources/Topic: resource type AWS::SNS::Topic is not one soc2ops' templates may use",
				"Resources/Policy/Properties/Queues/1: Ref Missing names no parameter or resource",
				"Resources/Policy/Properties/Other: Fn::GetAtt Queue.Url: AWS::SQS::Queue has no attribute Url",
				"Resources/Role: condition IsC is not declared",
				"Resources/Role/Properties/Description: Fn::Sub ${Nowhere} names no parameter or resource");

		var unconditional = CloudFormationTemplate.parse("""
				Parameters:
				  Mode: {Type: String, Default: a, AllowedValues: [a, b]}
				Conditions:
				  IsB: !Equals [!Ref Mode, b]
				Resources:
				  Queue: {Type: AWS::SQS::Queue, Condition: IsB}
				  Policy:
				    Type: AWS::SQS::QueuePolicy
				    Properties: {Queues: [!Ref Queue], PolicyDocument: {}}
				""");
		assertThat(unconditional.problems()).isEmpty();
		assertThat(unconditional.deploy(Map.of("Mode", "b")).problems()).isEmpty();
		assertThat(unconditional.deploy(Map.of("Mode", "a")).problems())
			.containsExactly("Resources/Policy/Properties/Queues/0: refers to Queue, which is not created");
	}

	@Test
	void theRuleSelectsExactlyTheEventsOfTheDefaultAlertRule() throws IOException {
		JsonNode defaultRule;
		try (InputStream in = new ClassPathResource("alerting/default-rule.json").getInputStream()) {
			defaultRule = JSON.readTree(in);
		}

		JsonNode pattern = JSON.valueToTree(TEMPLATE.resource("FindingsRule").get("Properties")).get("EventPattern");

		assertThat(pattern).isEqualTo(defaultRule);
		assertThat(pattern.at("/detail/findings/ProductName/0").asString()).isEqualTo("GuardDuty");
	}

	@Test
	void anApiDestinationIsRefusedWithoutAnEndpointAndAKey() {
		assertThat(TEMPLATE.refusals(Map.of("Target", "ApiDestination"))).containsExactly(
				"EventsEndpoint is required for an API destination",
				"ApiKey or ApiKeySecretId is required for an API destination");
		assertThat(TEMPLATE.refusals(Map.of("Target", "ApiDestination", "EventsEndpoint", ENDPOINT)))
			.containsExactly("ApiKey or ApiKeySecretId is required for an API destination");
		assertThat(TEMPLATE.refusals(QUEUE)).isEmpty();
	}

	@Test
	void theApiKeyIsNeverEchoedNorOutput() {
		assertThat(TEMPLATE.parameter("ApiKey")).containsEntry("NoEcho", true);
		assertThat(apiKeyValue(API_WITH_KEY)).isEqualTo(json("{\"Ref\": \"ApiKey\"}"));
		assertThat(apiKeyValue(API_WITH_SECRET))
			.isEqualTo(json("{\"Fn::Sub\": \"{{resolve:secretsmanager:${ApiKeySecretId}:SecretString}}\"}"));

		var outputsNamingTheKey = new ArrayList<String>();
		CloudFormationTemplate.walk("Outputs", TEMPLATE.section("Outputs"), (path, node) -> {
			if ("ApiKey".equals(node.get("Ref")) || String.valueOf(node.get("Fn::Sub")).contains("${ApiKey}")) {
				outputsNamingTheKey.add(path);
			}
		});
		assertThat(outputsNamingTheKey).isEmpty();
	}

	@Test
	void anApiDestinationPostsEachEventToSoc2opsThroughARoleThatMayOnlyInvokeIt() {
		var stack = TEMPLATE.deploy(API_WITH_KEY);

		assertThat(stack.resources()).doesNotContainKeys("EventsQueue", "EventsQueuePolicy", "QueuePollerPolicy");
		JsonNode target = onlyTarget(stack);
		assertThat(target.get("Id").asString()).isNotBlank();
		assertThat(target.get("Arn")).isEqualTo(getAtt("ApiDestination", "Arn"));
		assertThat(target.get("RoleArn")).isEqualTo(getAtt("InvokeApiDestinationRole", "Arn"));

		JsonNode destination = stack.resource("ApiDestination").json();
		assertThat(destination.get("ConnectionArn")).isEqualTo(getAtt("Connection", "Arn"));
		assertThat(destination.get("InvocationEndpoint")).isEqualTo(ref("EventsEndpoint"));
		assertThat(destination.get("HttpMethod").asString()).isEqualTo("POST");
		assertThat(destination.get("InvocationRateLimitPerSecond")).isEqualTo(ref("InvocationRateLimitPerSecond"));
		assertThat(stack.resource("Connection").json().get("AuthorizationType").asString()).isEqualTo("API_KEY");

		JsonNode role = stack.resource("InvokeApiDestinationRole").json();
		assertThat(role.at("/AssumeRolePolicyDocument/Statement/0/Principal/Service").asString())
			.isEqualTo("events.amazonaws.com");
		assertThat(role.at("/Policies/0/PolicyDocument/Statement")).containsExactly(json("""
				{"Effect": "Allow", "Action": "events:InvokeApiDestination",
				 "Resource": {"Fn::GetAtt": ["ApiDestination", "Arn"]}}"""));
	}

	@Test
	void aQueueDeploymentLetsOnlyTheFindingsRuleSendAndSoc2opsPoll() {
		var stack = TEMPLATE.deploy(QUEUE);

		assertThat(stack.resources()).doesNotContainKeys("Connection", "ApiDestination", "InvokeApiDestinationRole");
		JsonNode target = onlyTarget(stack);
		assertThat(target.get("Arn")).isEqualTo(getAtt("EventsQueue", "Arn"));
		assertThat(target.has("RoleArn")).isFalse();
		assertOnlyTheRuleMaySend(stack, "EventsQueuePolicy", "EventsQueue");
		assertThat(stack.output("QueueUrl")).isEqualTo(ref("EventsQueue"));
		assertThat(stack.output("QueueArn")).isEqualTo(getAtt("EventsQueue", "Arn"));
		assertThat(stack.output("QueuePollerPolicyArn")).isEqualTo(ref("QueuePollerPolicy"));
	}

	@Test
	void soc2opsMayOnlyReceiveAndDeleteMessagesAndDecryptWithTheQueuesOwnKey() {
		JsonNode withoutCmk = TEMPLATE.deploy(QUEUE).resource("QueuePollerPolicy").json();
		assertThat(withoutCmk.at("/PolicyDocument/Statement")).containsExactly(json("""
				{"Sid": "PollFindingsQueue", "Effect": "Allow",
				 "Action": ["sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:GetQueueAttributes"],
				 "Resource": {"Fn::GetAtt": ["EventsQueue", "Arn"]}}"""));

		JsonNode withCmk = TEMPLATE.deploy(QUEUE_WITH_CMK).resource("QueuePollerPolicy").json();
		assertThat(withCmk.at("/PolicyDocument/Statement")).hasSize(2).contains(json("""
				{"Sid": "DecryptFindingsQueue", "Effect": "Allow", "Action": "kms:Decrypt",
				 "Resource": {"Ref": "QueueKmsKeyArn"}}"""));
	}

	@Test
	void everyQueueIsEncryptedWithSqsManagedKeysOrTheGivenKey() {
		for (var arguments : DEPLOYMENTS) {
			var stack = TEMPLATE.deploy(arguments);
			stack.resources().forEach((id, resource) -> {
				if (resource.type().equals("AWS::SQS::Queue")) {
					JsonNode queue = resource.json();
					boolean cmk = arguments.containsKey("QueueKmsKeyArn") && !id.equals("DeliveryDeadLetterQueue");
					assertThat(queue.path("SqsManagedSseEnabled").asBoolean(false)).as("%s in %s", id, arguments)
						.isEqualTo(!cmk);
					assertThat(queue.get("KmsMasterKeyId")).as("%s in %s", id, arguments)
						.isEqualTo(cmk ? ref("QueueKmsKeyArn") : null);
				}
			});
		}
	}

	@Test
	void everyEventThatCannotBeDeliveredEndsInADeadLetterQueue() {
		for (var arguments : DEPLOYMENTS) {
			var stack = TEMPLATE.deploy(arguments);
			JsonNode target = onlyTarget(stack);
			assertThat(target.at("/DeadLetterConfig/Arn")).isEqualTo(getAtt("DeliveryDeadLetterQueue", "Arn"));
			assertThat(target.at("/RetryPolicy/MaximumRetryAttempts")).isEqualTo(ref("MaximumRetryAttempts"));
			assertThat(target.at("/RetryPolicy/MaximumEventAgeInSeconds")).isEqualTo(ref("MaximumEventAgeInSeconds"));
			assertOnlyTheRuleMaySend(stack, "DeliveryDeadLetterQueuePolicy", "DeliveryDeadLetterQueue");
		}
		assertThat(TEMPLATE.deploy(QUEUE).resource("EventsQueue").json().get("RedrivePolicy")).isEqualTo(json("""
				{"deadLetterTargetArn": {"Fn::GetAtt": ["EventsDeadLetterQueue", "Arn"]}, "maxReceiveCount": 5}"""));
	}

	/**
	 * The queue policy's only Allow lets EventBridge send on behalf of the findings rule,
	 * and nothing reaches the queue without TLS.
	 */
	private static void assertOnlyTheRuleMaySend(Stack stack, String policyId, String queueId) {
		JsonNode policy = stack.resource(policyId).json();
		assertThat(policy.get("Queues")).containsExactly(ref(queueId));
		var allows = new ArrayList<JsonNode>();
		var denies = new ArrayList<JsonNode>();
		for (JsonNode statement : policy.at("/PolicyDocument/Statement")) {
			(statement.get("Effect").asString().equals("Allow") ? allows : denies).add(statement);
		}
		assertThat(allows).singleElement().satisfies((allow) -> {
			assertThat(allow.at("/Principal/Service").asString()).isEqualTo("events.amazonaws.com");
			assertThat(allow.get("Action").asString()).isEqualTo("sqs:SendMessage");
			assertThat(allow.get("Resource")).isEqualTo(getAtt(queueId, "Arn"));
			assertThat(allow.get("Condition"))
				.isEqualTo(json("{\"ArnEquals\": {\"aws:SourceArn\": {\"Fn::GetAtt\": [\"FindingsRule\", \"Arn\"]}}}"));
		});
		assertThat(denies).singleElement()
			.satisfies(
					(deny) -> assertThat(deny.at("/Condition/Bool/aws:SecureTransport").asString()).isEqualTo("false"));
	}

	private static JsonNode onlyTarget(Stack stack) {
		JsonNode targets = stack.resource("FindingsRule").json().get("Targets");
		assertThat(targets).hasSize(1);
		return targets.get(0);
	}

	private static JsonNode apiKeyValue(Map<String, String> arguments) {
		return TEMPLATE.deploy(arguments)
			.resource("Connection")
			.json()
			.at("/AuthParameters/ApiKeyAuthParameters/ApiKeyValue");
	}

	static JsonNode getAtt(String resource, String attribute) {
		return json("{\"Fn::GetAtt\": [\"" + resource + "\", \"" + attribute + "\"]}");
	}

	static JsonNode ref(String name) {
		return json("{\"Ref\": \"" + name + "\"}");
	}

	static JsonNode json(String text) {
		return JSON.readTree(text);
	}

}
