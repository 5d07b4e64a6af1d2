package dev.parley.events;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Each technology stays in its one package, so replacing it touches that package only. */
@AnalyzeClasses(packages = "dev.parley.events", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /** reactor-kafka is discontinued upstream: it must be replaceable in one place. */
    @ArchTest
    static final ArchRule kafkaStaysInItsAdapter = noClasses()
            .that().resideOutsideOfPackage("dev.parley.events.kafka..")
            .should().dependOnClassesThat().resideInAnyPackage("reactor.kafka..", "org.apache.kafka..");

    @ArchTest
    static final ArchRule jacksonStaysInTheCodec = noClasses()
            .that().resideOutsideOfPackage("dev.parley.events.json..")
            .should().dependOnClassesThat().resideInAnyPackage("tools.jackson..", "com.fasterxml.jackson..");

    @ArchTest
    static final ArchRule springStaysInTheWiring = noClasses()
            .that().resideOutsideOfPackage("dev.parley.events.spring..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..");

    /** The contracts themselves (envelope, types, port) know no technology but Reactor. */
    @ArchTest
    static final ArchRule contractsDependOnNoAdapter = noClasses()
            .that().resideInAnyPackage("dev.parley.events", "dev.parley.events.bus")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "dev.parley.events.kafka..", "dev.parley.events.memory..", "dev.parley.events.spring..");
}
