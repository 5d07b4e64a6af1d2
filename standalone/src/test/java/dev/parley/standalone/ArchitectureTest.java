package dev.parley.standalone;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import dev.parley.testsupport.architecture.ParleyArchitecture;

/**
 * standalone is the composition root of the services, so the rule that a module uses no other
 * Parley module does not apply; it may use their wiring and use cases, never their adapters.
 */
@AnalyzeClasses(packages = "dev.parley.standalone", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule domainIsFrameworkFree = ParleyArchitecture.DOMAIN_IS_FRAMEWORK_FREE;

    @ArchTest
    static final ArchRule layersPointInward = ParleyArchitecture.LAYERS_POINT_INWARD;

    @ArchTest
    static final ArchRule noServiceAdapters = noClasses().that().resideInAPackage("dev.parley.standalone..")
            .and().resideOutsideOfPackage("dev.parley.standalone.inprocess..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.parley.conversation..adapter..",
                    "dev.parley.gateway..adapter..", "dev.parley.assignment..adapter..")
            .because("the services' adapters are theirs to wire; standalone wires the services");

    @ArchTest
    static final ArchRule inProcessUsesOnlyTheServicesEntrances = noClasses().that().resideInAPackage("dev.parley.standalone.inprocess..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.parley.conversation..adapter.r2dbc..",
                    "dev.parley.conversation..adapter.kafka..", "dev.parley.gateway..adapter.ws..",
                    "dev.parley.gateway..adapter.redis..", "dev.parley.assignment..adapter..")
            .because("the in-process bridge calls what HTTP would reach (controllers, the token verifiers), nothing deeper");

    @ArchTest
    static final ArchRule theEmbeddedDatabaseKnowsNoSpring = noClasses().that().resideInAPackage("dev.parley.standalone.database..")
            .should().dependOnClassesThat().resideInAPackage("org.springframework..")
            .because("its start and stop order is the Spring glue's (config.EmbeddedDatabaseStartup), stated once there");
}
