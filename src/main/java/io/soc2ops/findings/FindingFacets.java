package io.soc2ops.findings;

import java.util.List;

/**
 * The values present in the stored findings, for filter choices.
 */
public record FindingFacets(List<String> accounts, List<String> regions, List<String> products, List<String> controls) {

	public FindingFacets {
		accounts = List.copyOf(accounts);
		regions = List.copyOf(regions);
		products = List.copyOf(products);
		controls = List.copyOf(controls);
	}

}
