package io.soc2ops.policies;

import java.time.Instant;

import io.soc2ops.evidence.Actor;

/**
 * An approver's decision on a version: who, when, and their note (why, for a rejection).
 */
public record PolicyDecision(Actor by, Instant at, String note) {

}
