package io.soc2ops.deploy;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The CloudFormation resource types soc2ops' templates may use, with their properties,
 * the properties AWS documents as required, and the attributes {@code Fn::GetAtt} can
 * read. Taken from the AWS CloudFormation Template Reference (the resource type schemas
 * of the CloudFormation registry); a type not listed here is refused until someone looks
 * it up.
 */
record ResourceType(String name, Set<String> properties, Set<String> required, Set<String> attributes) {

	private static final Map<String, ResourceType> KNOWN = Stream.of(
			new ResourceType("AWS::Events::Rule",
					Set.of("Description", "EventBusName", "EventPattern", "Name", "RoleArn", "ScheduleExpression",
							"State", "Tags", "Targets"),
					Set.of(), Set.of("Arn")),
			new ResourceType("AWS::Events::Connection",
					Set.of("AuthParameters", "AuthorizationType", "Description", "InvocationConnectivityParameters",
							"KmsKeyIdentifier", "Name"),
					Set.of(), Set.of("Arn", "ArnForPolicy", "SecretArn")),
			new ResourceType("AWS::Events::ApiDestination",
					Set.of("ConnectionArn", "Description", "HttpMethod", "InvocationEndpoint",
							"InvocationRateLimitPerSecond", "Name"),
					Set.of("ConnectionArn", "HttpMethod", "InvocationEndpoint"), Set.of("Arn", "ArnForPolicy")),
			new ResourceType("AWS::SQS::Queue",
					Set.of("ContentBasedDeduplication", "DeduplicationScope", "DelaySeconds", "FifoQueue",
							"FifoThroughputLimit", "KmsDataKeyReusePeriodSeconds", "KmsMasterKeyId",
							"MaximumMessageSize", "MessageRetentionPeriod", "QueueName",
							"ReceiveMessageWaitTimeSeconds", "RedriveAllowPolicy", "RedrivePolicy",
							"SqsManagedSseEnabled", "Tags", "VisibilityTimeout"),
					Set.of(), Set.of("Arn", "QueueName", "QueueUrl")),
			new ResourceType("AWS::SQS::QueuePolicy", Set.of("PolicyDocument", "Queues"),
					Set.of("PolicyDocument", "Queues"), Set.of("Id")),
			new ResourceType("AWS::IAM::Role",
					Set.of("AssumeRolePolicyDocument", "Description", "ManagedPolicyArns", "MaxSessionDuration", "Path",
							"PermissionsBoundary", "Policies", "RoleName", "Tags"),
					Set.of("AssumeRolePolicyDocument"), Set.of("Arn", "RoleId")),
			new ResourceType("AWS::IAM::ManagedPolicy",
					Set.of("Description", "Groups", "ManagedPolicyName", "Path", "PolicyDocument", "Roles", "Users"),
					Set.of("PolicyDocument"), Set.of("PolicyArn", "PolicyId", "DefaultVersionId")))
		.collect(Collectors.toUnmodifiableMap(ResourceType::name, Function.identity()));

	static Optional<ResourceType> named(String name) {
		return Optional.ofNullable(KNOWN.get(name));
	}

}
