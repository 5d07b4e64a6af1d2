package dev.parley.bench.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The bench module's main code is a tool run in JVMs of its own, so what it measures is not itself:
 * the load generator and the process harness use no Parley service code and no Spring (the load
 * generator's CPU is reported as its own; system-tests reuse the harness without the services).
 */
@AnalyzeClasses(packages = "dev.parley.bench", importOptions = ImportOption.DoNotIncludeTests.class)
class BenchArchitectureTest {

    @ArchTest
    static final ArchRule MAIN_CODE_USES_NO_SERVICE = noClasses().that().resideInAPackage("dev.parley.bench..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.parley.conversation..", "dev.parley.gateway..",
                    "dev.parley.assignment..", "dev.parley.standalone..", "dev.parley.events..", "org.springframework..",
                    "reactor..")
            .because("the load generator and the harness run alone in their JVMs");

    @ArchTest
    static final ArchRule HARNESS_KNOWS_NO_LOAD = noClasses().that().resideInAnyPackage("dev.parley.bench.process..",
                    "dev.parley.bench.infra..")
            .should().dependOnClassesThat().resideInAPackage("dev.parley.bench.load..")
            .because("system-tests reuse the process harness without the load generator");
}
