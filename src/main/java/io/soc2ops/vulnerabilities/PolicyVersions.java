package io.soc2ops.vulnerabilities;

import java.util.List;

import org.jspecify.annotations.Nullable;

import io.soc2ops.policies.SlaPolicy;

/**
 * The policy versions soc2ops holds, oldest first, and which is in force today.
 *
 * @param inForce the version in force today; null when none is
 */
public record PolicyVersions(@Nullable Integer inForce, List<SlaPolicy> versions) {

	public PolicyVersions {
		versions = List.copyOf(versions);
	}

}
