package io.soc2ops.vulnerabilities;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import io.soc2ops.findings.Finding;
import io.soc2ops.findings.FindingsStored;
import io.soc2ops.findings.IntakeChannel;

/**
 * Inspector findings arriving through Security Hub, by any of the findings intake's
 * channels: kept as items in the intake's transaction, so a finding and its items are
 * stored together or not at all. Every other finding is passed over at the cost of a
 * string comparison.
 */
@Component
class SecurityHubInspectorFindings implements FindingsStored {

	private final Observations observations;

	SecurityHubInspectorFindings(Observations observations) {
		this.observations = observations;
	}

	@Override
	public void stored(List<Finding> findings, IntakeChannel channel) {
		List<ObservedVulnerability> observed = null;
		for (var finding : findings) {
			if (InspectorFindings.isInspector(finding)) {
				if (observed == null) {
					observed = new ArrayList<>();
				}
				observed.addAll(InspectorFindings.observed(finding));
			}
		}
		if (observed != null) {
			observations.apply(observed, VulnerabilitySource.SECURITY_HUB);
		}
	}

}
