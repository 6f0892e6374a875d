package io.soc2ops.aws;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.tngtech.archunit.ArchConfiguration;
import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * What Modulith cannot see: the AWS SDK stays inside the {@code aws} module, and the
 * module's public API speaks in soc2ops's own types.
 */
class AwsSdkBoundaryTests {

	static JavaClasses CLASSES;
	static final DescribedPredicate<JavaClass> SDK = JavaClass.Predicates.resideInAPackage("software.amazon.awssdk..");

	/**
	 * Only soc2ops's own classes: SDK types are recognised by their package, so they need
	 * not be read from the class path (which takes long for the SDK's thousands).
	 */
	@BeforeAll
	static void importClasses() {
		var configuration = ArchConfiguration.get();
		boolean resolve = configuration.resolveMissingDependenciesFromClassPath();
		configuration.setResolveMissingDependenciesFromClassPath(false);
		try {
			CLASSES = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
				.importPackages("io.soc2ops");
		}
		finally {
			configuration.setResolveMissingDependenciesFromClassPath(resolve);
		}
	}

	@Test
	void onlyTheAwsModuleUsesTheSdk() {
		noClasses().that().resideOutsideOfPackage("io.soc2ops.aws..").should().dependOnClassesThat(SDK).check(CLASSES);
	}

	@Test
	void thePublicApiOfTheAwsModuleHasNoSdkType() {
		methods().that()
			.areDeclaredInClassesThat()
			.resideInAPackage("io.soc2ops.aws")
			.and()
			.areDeclaredInClassesThat()
			.arePublic()
			.and()
			.arePublic()
			.should()
			.haveRawReturnType(DescribedPredicate.not(SDK))
			.andShould()
			.haveRawParameterTypes(DescribedPredicate.not(DescribedPredicate.anyElementThat(SDK)))
			.check(CLASSES);
		noClasses().that()
			.resideInAPackage("io.soc2ops.aws")
			.and()
			.arePublic()
			.should()
			.beAssignableTo(SDK)
			.check(CLASSES);
	}

}
