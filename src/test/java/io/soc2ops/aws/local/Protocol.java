package io.soc2ops.aws.local;

import io.soc2ops.aws.local.LocalAws.Answer;
import io.soc2ops.aws.local.LocalAws.Request;
import io.soc2ops.aws.local.LocalAws.Script;

/**
 * One AWS service's wire protocol on the local endpoint: which operation a request is,
 * how it is answered, and how errors look.
 */
sealed interface Protocol permits LocalSecurityHub, LocalInspector2, LocalSts, LocalOrganizations, LocalIam,
		LocalIdentityStore, LocalSsoAdmin, Protocol.Unknown {

	static Protocol of(String service) {
		return switch (service) {
			case "securityhub" -> new LocalSecurityHub();
			case "inspector2" -> new LocalInspector2();
			case "sts" -> new LocalSts();
			case "organizations" -> new LocalOrganizations();
			case "iam" -> new LocalIam();
			case "identitystore" -> new LocalIdentityStore();
			case "sso" -> new LocalSsoAdmin();
			default -> new Unknown(service);
		};
	}

	/** The IAM prefix of the service's actions. */
	String prefix();

	String operation(Request request);

	Answer serve(String operation, Request request, Script script);

	Answer error(int status, String code, String message);

	Answer throttled();

	default Answer denied(String message) {
		return error(400, "AccessDeniedException", message);
	}

	default String action(String operation) {
		return prefix() + ":" + operation;
	}

	/** A service this endpoint does not speak. */
	record Unknown(String service) implements Protocol {

		@Override
		public String prefix() {
			return service;
		}

		@Override
		public String operation(Request request) {
			return "Unknown";
		}

		@Override
		public Answer serve(String operation, Request request, Script script) {
			return error(400, "UnknownOperationException", "the local endpoint does not speak " + service);
		}

		@Override
		public Answer error(int status, String code, String message) {
			return LocalSecurityHub.jsonError(status, code, message);
		}

		@Override
		public Answer throttled() {
			return error(400, "ThrottlingException", "Rate exceeded");
		}

	}

}
