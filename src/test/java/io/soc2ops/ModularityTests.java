package io.soc2ops;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

class ModularityTests {

	static final ApplicationModules MODULES = ApplicationModules.of(Soc2opsApplication.class);

	@Test
	void modulesOnlyUseEachOthersPublicApisAndDeclaredDependencies() {
		MODULES.verify();
	}

	@Test
	void theModulesAreTheOnesTheDesignNames() {
		assertThat(MODULES.stream().map(ApplicationModule::getIdentifier).map(Object::toString))
			.containsExactlyInAnyOrder("access", "alerting", "aws", "catalog", "cli", "demo", "evidence", "findings",
					"identity", "policies", "schedule", "vulnerabilities", "web");
	}

	@Test
	void theEvidenceLedgerDependsOnNoOtherModule() {
		var evidence = MODULES.getModuleByName("evidence").orElseThrow();
		assertThat(evidence.getDirectDependencies(MODULES).uniqueModules()).isEmpty();
	}

	@Test
	void writesModuleDocumentation() {
		new Documenter(MODULES).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
	}

}
