package dev.parley.testsupport.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.alwaysTrue;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.onionArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.Optional;
import java.util.Set;

/**
 * The architecture rules every Parley service obeys (ARCHITECTURE §1, STYLE "Layout shows the
 * architecture"), in one place so a rule changes once for all. A service states them with
 * {@code @ArchTest static final ArchTests rules = ArchTests.in(ParleyArchitecture.class);}.
 */
public final class ParleyArchitecture {

    /** Packages of the frameworks and drivers the domain must not know. */
    private static final String[] FRAMEWORKS = {
            "org.springframework..", "io.r2dbc..", "io.lettuce..", "org.apache.kafka..", "reactor.kafka..",
            "com.fasterxml.jackson..", "tools.jackson..", "org.flywaydb..", "io.micrometer..",
    };
    private static final String PARLEY = "dev.parley.";
    /** What every service may use: {@code common-events} and {@code service-client}. */
    private static final Set<String> SHARED_MODULES = Set.of("events", "serviceclient");

    /** Domain code imports no Spring, R2DBC, Redis, Kafka, Jackson, Flyway or Micrometer. */
    @ArchTest
    public static final ArchRule DOMAIN_IS_FRAMEWORK_FREE = noClasses().that().resideInAPackage("..domain..")
            .should().dependOnClassesThat().resideInAnyPackage(FRAMEWORKS)
            .because("the domain is plain Java; adapters at the edge translate")
            .allowEmptyShould(true);

    /**
     * {@code domain} ← {@code application} ← {@code adapter}: dependencies point inward only. The
     * {@code config} package is the composition root that wires all layers, so its dependencies
     * are exempt.
     */
    @ArchTest
    public static final ArchRule LAYERS_POINT_INWARD = onionArchitecture()
            .domainModels("..domain..")
            .applicationServices("..application..")
            .adapter("adapters", "..adapter..")
            .withOptionalLayers(true)
            .ignoreDependency(resideInAPackage("..config.."), alwaysTrue())
            .allowEmptyShould(true);

    /**
     * An adapter package is one technology of one context ({@code <context>.adapter.<technology>}),
     * and adapters never use one another: what two need in common belongs to the application or
     * the domain, and {@code config} wires them together. The web plumbing every controller shares
     * ({@code shared.adapter}) is the one exception. Stated by the gateway and the worker; not yet
     * by conversation-service, whose attachments' blob stores share a helper package and whose
     * identity web adapter uses its JWT adapter's types.
     */
    public static final ArchRule ADAPTERS_DO_NOT_USE_EACH_OTHER = slices().matching("dev.parley.(**).adapter.(*)..")
            .namingSlices("adapter $2 of $1")
            .should().notDependOnEachOther()
            .ignoreDependency(alwaysTrue(), resideInAPackage("..shared.adapter.."))
            .because("an adapter translates one technology for its context; another adapter is not its business")
            .allowEmptyShould(true);

    /** A service's code uses Parley code of its own and of the shared modules only. */
    @ArchTest
    public static final ArchRule SERVICES_DEPEND_ON_SHARED_MODULES_ONLY = classes().that().resideInAPackage("dev.parley..")
            .should(useNoOtherParleyModule())
            .because("services talk over events and HTTP, never through each other's classes");

    private ParleyArchitecture() {
    }

    private static ArchCondition<JavaClass> useNoOtherParleyModule() {
        return new ArchCondition<>("use no Parley module but their own, common-events and service-client") {
            @Override
            public void check(JavaClass origin, ConditionEvents events) {
                Optional<String> own = moduleOf(origin);
                for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
                    Optional<String> target = moduleOf(dependency.getTargetClass());
                    if (target.isPresent() && !target.equals(own) && !SHARED_MODULES.contains(target.get())) {
                        events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                    }
                }
            }
        };
    }

    /** {@code dev.parley.conversation.x.Y} → {@code conversation}. */
    private static Optional<String> moduleOf(JavaClass type) {
        String name = type.getPackageName();
        if (!name.startsWith(PARLEY)) {
            return Optional.empty();
        }
        String rest = name.substring(PARLEY.length());
        int dot = rest.indexOf('.');
        return Optional.of(dot < 0 ? rest : rest.substring(0, dot));
    }
}
