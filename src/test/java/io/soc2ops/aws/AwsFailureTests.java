package io.soc2ops.aws;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;

/**
 * AWS's error codes in soc2ops's terms, with the call and the code in the message.
 */
class AwsFailureTests {

	@ParameterizedTest
	@CsvSource({ "AccessDenied, 403, ACCESS_DENIED", "AccessDeniedException, 403, ACCESS_DENIED",
			"InvalidClientTokenId, 403, ACCESS_DENIED", "InvalidAccessException, 401, NOT_ENABLED",
			"AWSOrganizationsNotInUseException, 400, NOT_ENABLED", "ThrottlingException, 400, ERROR",
			"InternalException, 500, ERROR" })
	void errorCodesMapToAStatus(String code, int httpStatus, ConnectionStatus expected) {
		var failure = AwsFailure.of("securityhub:GetFindings", service(code, httpStatus, "because"));

		assertThat(failure.status()).isEqualTo(expected);
		assertThat(failure.message())
			.isEqualTo("securityhub:GetFindings failed: " + code + " (HTTP " + httpStatus + "): because");
	}

	@Test
	void theServiceErrorIsFoundBehindAClientException() {
		var wrapped = SdkClientException.builder()
			.message("Unable to load credentials")
			.cause(service("AccessDenied", 403, "not authorized to perform: sts:AssumeRole"))
			.build();

		var failure = AwsFailure.of("sts:AssumeRole", wrapped);

		assertThat(failure.status()).isEqualTo(ConnectionStatus.ACCESS_DENIED);
		assertThat(failure.message()).contains("sts:AssumeRole", "not authorized");
	}

	@Test
	void aTimeoutIsAnErrorThatSaysSo() {
		var failure = AwsFailure.of("securityhub:GetFindings", ApiCallTimeoutException.create(4000));

		assertThat(failure.status()).isEqualTo(ConnectionStatus.ERROR);
		assertThat(failure.message()).startsWith("securityhub:GetFindings timed out");
	}

	@Test
	void aLongMessageIsShortened() {
		var failure = AwsFailure.of("securityhub:GetFindings", service("InternalException", 500, "x".repeat(2000)));

		assertThat(failure.message()).hasSize(500).endsWith("…");
	}

	static AwsServiceException service(String code, int status, String message) {
		return AwsServiceException.builder()
			.awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage(message).build())
			.statusCode(status)
			.message(message)
			.build();
	}

}
