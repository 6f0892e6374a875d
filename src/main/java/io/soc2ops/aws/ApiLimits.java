package io.soc2ops.aws;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import software.amazon.awssdk.core.exception.AbortedException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * The request rates soc2ops keeps to, one bucket per API and per account and Region (the
 * unit AWS's quotas count in). Every client carries an interceptor that takes a token
 * before each call, paginated pages included; retries are paced by the SDK's adaptive
 * retry.
 */
final class ApiLimits {

	static final double SQS = 1000;

	private final AwsSettings.RateLimits limits;

	private final Map<String, RequestRate> rates = new ConcurrentHashMap<>();

	ApiLimits(AwsSettings.RateLimits limits) {
		this.limits = limits;
	}

	/**
	 * @param scope what the client's calls count against, such as
	 * {@code 111122223333/ap-northeast-1}
	 */
	ExecutionInterceptor interceptor(String scope) {
		return new ExecutionInterceptor() {

			@Override
			public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
				String service = attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME);
				String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
				try {
					rate(service, operation, scope).acquire();
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					throw AbortedException.builder()
						.message("interrupted while waiting for the " + operation + " rate limit")
						.cause(ex)
						.build();
				}
			}

		};
	}

	RequestRate rate(String service, String operation, String scope) {
		return rates.computeIfAbsent(service + ":" + operation + "@" + scope,
				key -> new RequestRate(perSecond(service, operation)));
	}

	/** The buckets in use: {@code service:operation@scope} and their rate per second. */
	Map<String, Double> buckets() {
		var buckets = new TreeMap<String, Double>();
		rates.forEach((key, rate) -> buckets.put(key, rate.perSecond()));
		return buckets;
	}

	/**
	 * SDK service names as the clients report them: SecurityHub, Inspector2,
	 * Organizations, Sts, Sqs. SQS standard queues take a nearly unlimited number of
	 * calls; its bucket only keeps a runaway loop in check.
	 */
	double perSecond(String service, String operation) {
		return switch (service) {
			case "Sqs" -> SQS;
			// GetFindingsV2 has no published quota of its own: held to GetFindings' one
			case "SecurityHub" -> operation.equals("GetFindings") || operation.equals("GetFindingsV2")
					? limits.getFindings() : limits.securityHub();
			case "Inspector2" -> limits.inspector();
			case "Organizations" -> limits.organizations();
			case "Sts" -> limits.sts();
			default -> limits.securityHub();
		};
	}

}
