package io.soc2ops.findings;

import org.jspecify.annotations.Nullable;

/**
 * A resource a finding is about (ASFF {@code Resources[]}).
 */
public record AffectedResource(String type, String id, @Nullable String region) {

}
