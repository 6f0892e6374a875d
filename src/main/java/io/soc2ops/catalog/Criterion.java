package io.soc2ops.catalog;

/**
 * One Trust Services Criterion.
 */
public record Criterion(CriterionId id, Localized title) {

	public String group() {
		return id.group();
	}

}
