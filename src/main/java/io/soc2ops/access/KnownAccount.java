package io.soc2ops.access;

/**
 * An AWS account soc2ops knows, with the name people call it by.
 */
public record KnownAccount(String id, String name) {

}
