package dev.parley.testsupport.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.onionArchitecture;

import com.tngtech.archunit.lang.ArchRule;

/**
 * The architecture rules every Parley module states in its {@code ArchitectureTest}
 * (ARCHITECTURE §1, STYLE "Layout shows the architecture"). Kept in one place so a rule changes
 * once for all modules.
 */
public final class ParleyArchitecture {

    /** Packages of the frameworks and drivers the domain must not know. */
    private static final String[] FRAMEWORKS = {
            "org.springframework..", "io.r2dbc..", "io.lettuce..", "org.apache.kafka..", "reactor.kafka..",
            "com.fasterxml.jackson..", "tools.jackson..", "org.flywaydb..", "io.micrometer..",
    };

    private ParleyArchitecture() {
    }

    /** Domain code imports no Spring, R2DBC, Redis, Kafka, Jackson, Flyway or Micrometer. */
    public static ArchRule domainIsFrameworkFree() {
        return noClasses().that().resideInAPackage("..domain..")
                .should().dependOnClassesThat().resideInAnyPackage(FRAMEWORKS)
                .because("the domain is plain Java; adapters at the edge translate")
                .allowEmptyShould(true);
    }

    /** {@code domain} ← {@code application} ← {@code adapter}: dependencies point inward only. */
    public static ArchRule layersPointInward() {
        return onionArchitecture()
                .domainModels("..domain..")
                .applicationServices("..application..")
                .adapter("adapters", "..adapter..")
                .withOptionalLayers(true)
                .allowEmptyShould(true);
    }

    /**
     * A service's code uses Parley code of its own and of {@code common-events} only, never another
     * service's.
     *
     * @param servicePackage the service's root package, for example {@code dev.parley.conversation}
     */
    public static ArchRule dependsOnCommonEventsOnly(String servicePackage) {
        return noClasses().that().resideInAPackage(servicePackage + "..")
                .should().dependOnClassesThat(resideInAPackage("dev.parley..")
                        .and(not(resideInAnyPackage(servicePackage + "..", "dev.parley.events.."))))
                .because("services talk over events and HTTP, never through each other's classes");
    }
}
