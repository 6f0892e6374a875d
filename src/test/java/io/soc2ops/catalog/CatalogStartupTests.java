package io.soc2ops.catalog;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;

import io.soc2ops.Soc2opsApplication;

/**
 * soc2ops never runs on a catalog that does not validate: start-up stops and says which
 * file and line to fix.
 */
class CatalogStartupTests {

	@Test
	void anUnknownCriterionInTheMappingStopsStartUpNamingFileAndLine() {
		assertThatThrownBy(() -> start("classpath:catalog-fixtures/unknown-criterion/")).rootCause()
			.isInstanceOf(CatalogFileException.class)
			.hasMessageStartingWith("catalog/securityhub-controls.tsv line ")
			.hasMessageContaining("unknown criterion CC6.9");
	}

	@Test
	void aDuplicateKeyStopsStartUpNamingBothLines() {
		assertThatThrownBy(() -> start("classpath:catalog-fixtures/duplicate-key/")).rootCause()
			.isInstanceOf(CatalogFileException.class)
			.hasMessageContaining("duplicate key")
			.hasMessageContaining("first on line");
	}

	private static void start(String catalog) {
		new SpringApplicationBuilder(Soc2opsApplication.class).web(WebApplicationType.NONE)
			.run("--soc2ops.catalog.location=" + catalog, "--logging.level.root=OFF")
			.close();
	}

}
