package io.soc2ops.access;

/**
 * The IAM Identity Center instance the latest inventory read.
 */
public record IdcInstance(String instanceArn, String identityStoreId) {

}
