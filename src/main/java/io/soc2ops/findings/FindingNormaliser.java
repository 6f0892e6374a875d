package io.soc2ops.findings;

import org.springframework.stereotype.Component;

import tools.jackson.databind.JsonNode;

/**
 * Sends each finding to the normaliser of its format: OCSF (the new Security Hub) when it
 * has OCSF's {@code class_uid} or {@code finding_info} and none of ASFF's
 * {@code SchemaVersion}, {@code Id} or {@code ProductArn}; ASFF (Security Hub CSPM)
 * otherwise, so that a broken ASFF finding is still told what ASFF field it lacks.
 */
@Component
class FindingNormaliser {

	private final AsffNormaliser asff;

	private final OcsfNormaliser ocsf;

	FindingNormaliser(AsffNormaliser asff, OcsfNormaliser ocsf) {
		this.asff = asff;
		this.ocsf = ocsf;
	}

	Finding normalise(JsonNode finding, String raw) {
		return format(finding) == FindingFormat.OCSF ? ocsf.normalise(finding, raw) : asff.normalise(finding, raw);
	}

	static FindingFormat format(JsonNode finding) {
		boolean asff = finding.has("SchemaVersion") || finding.has("Id") || finding.has("ProductArn");
		boolean ocsf = finding.has("class_uid") || finding.has("finding_info");
		return ocsf && !asff ? FindingFormat.OCSF : FindingFormat.ASFF;
	}

}
