package io.soc2ops.catalog;

import java.util.List;

/**
 * What the catalog files hold, validated.
 */
record CatalogData(String criteriaVersion, String mappingVersion, List<Criterion> criteria, List<Control> controls,
		List<SecurityHubControl> securityHubControls) {

}
