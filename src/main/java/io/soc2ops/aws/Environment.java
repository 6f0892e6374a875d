package io.soc2ops.aws;

/**
 * What an account is for. Production accounts are the ones most controls are tested on.
 */
public enum Environment {

	MANAGEMENT, PRODUCTION, STAGING, DEVELOPMENT, SECURITY, SHARED

}
