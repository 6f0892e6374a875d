package io.soc2ops.aws;

import java.net.SocketTimeoutException;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;

/**
 * What went wrong with a call, in soc2ops's terms: refused, Security Hub not enabled, or
 * anything else; with a message naming the call and AWS's error code.
 */
record AwsFailure(ConnectionStatus status, String message) {

	/**
	 * Error codes with which AWS APIs refuse a caller (STS, Organizations, Security Hub).
	 */
	private static final Set<String> DENIED = Set.of("AccessDenied", "AccessDeniedException", "UnauthorizedOperation",
			"UnauthorizedAccess", "AuthorizationError", "InvalidClientTokenId", "UnrecognizedClientException",
			"SignatureDoesNotMatch", "ExpiredToken", "ExpiredTokenException");

	private static final int MAX_MESSAGE = 500;

	static AwsFailure of(String call, Throwable failure) {
		var service = serviceException(failure);
		if (service != null && service.awsErrorDetails() != null) {
			String code = service.awsErrorDetails().errorCode();
			String message = service.awsErrorDetails().errorMessage();
			String text = call + " failed: " + code + " (HTTP " + service.statusCode() + ")"
					+ (message == null || message.isBlank() ? "" : ": " + message);
			return new AwsFailure(status(code), shorten(text));
		}
		if (timedOut(failure)) {
			return new AwsFailure(ConnectionStatus.ERROR, shorten(call + " timed out: " + failure.getMessage()));
		}
		return new AwsFailure(ConnectionStatus.ERROR, shorten(call + " failed: " + failure.getMessage()));
	}

	private static ConnectionStatus status(@Nullable String code) {
		if (code == null) {
			return ConnectionStatus.ERROR;
		}
		if (DENIED.contains(code)) {
			return ConnectionStatus.ACCESS_DENIED;
		}
		if (code.equals("InvalidAccessException") || code.equals("AWSOrganizationsNotInUseException")) {
			// Security Hub's own 401 ("Account ... is not subscribed to AWS Security
			// Hub");
			// IAM refusals come as AccessDeniedException. The JDK's HTTP client may not
			// hand over the body of a 401, so the code alone decides.
			return ConnectionStatus.NOT_ENABLED;
		}
		return ConnectionStatus.ERROR;
	}

	private static @Nullable AwsServiceException serviceException(Throwable failure) {
		for (Throwable t = failure; t != null; t = t.getCause()) {
			if (t instanceof AwsServiceException service) {
				return service;
			}
		}
		return null;
	}

	private static boolean timedOut(Throwable failure) {
		for (Throwable t = failure; t != null; t = t.getCause()) {
			if (t instanceof ApiCallTimeoutException || t instanceof ApiCallAttemptTimeoutException
					|| t instanceof SocketTimeoutException) {
				return true;
			}
		}
		return false;
	}

	private static String shorten(String text) {
		return text.length() <= MAX_MESSAGE ? text : text.substring(0, MAX_MESSAGE - 1) + "…";
	}

}
