package io.soc2ops.aws;

/**
 * A call to AWS was asked for while {@code soc2ops.aws.enabled} is false.
 */
public class AwsDisabledException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	AwsDisabledException() {
		super("AWS is not connected: set soc2ops.aws.enabled=true and soc2ops.aws.regions first");
	}

}
