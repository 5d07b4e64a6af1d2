package dev.parley.conversation;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import dev.parley.testsupport.architecture.ParleyArchitecture;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parley's rules, plus where this service's wiring lives: each context ({@code lifecycle},
 * {@code messaging}, …) builds its own store adapters, use cases and controllers in its
 * {@code <context>.config} package, once; {@code dev.parley.conversation.config} only imports them
 * and holds what all share (the clock, the service's settings, the API description).
 */
@AnalyzeClasses(packages = "dev.parley.conversation", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String ROOT = "dev.parley.conversation";
    private static final Pattern CONTEXT_PART = Pattern.compile("^dev\\.parley\\.conversation\\.([a-z]+)\\.(config|adapter)(\\..*)?$");

    @ArchTest
    static final ArchTests parleyRules = ArchTests.in(ParleyArchitecture.class);

    @ArchTest
    static final ArchRule configurationLivesInTheRootOrAContextsConfigPackage = classes()
            .that().areAnnotatedWith("org.springframework.context.annotation.Configuration")
            .should().resideInAnyPackage(ROOT + ".config", ROOT + ".*.config")
            .because("a reader finds how a context is wired in its own config package");

    @ArchTest
    static final ArchRule eachContextWiresOnlyItsOwnAdapters = classes()
            .that().resideInAnyPackage(ROOT + ".config", ROOT + ".*.config")
            .should(wireOnlyAdaptersOfTheirOwnContext())
            .because("each store and adapter is built once, next to its context; other contexts get its port");

    @ArchTest
    static final ArchRule nothingButWiringUsesTheWiring = noClasses()
            .that().resideOutsideOfPackages(ROOT + ".config", ROOT + ".*.config")
            .and().doNotHaveFullyQualifiedName(ConversationServiceApplication.class.getName())
            .should().dependOnClassesThat().resideInAnyPackage(ROOT + ".config", ROOT + ".*.config")
            .because("domain, use cases and adapters are built by the configuration, never the other way round");

    /**
     * Contexts depend one way (docs/architecture.md lists the order): a lower one that imports a
     * higher one ties them all into one knot. Configuration is left out: it is the composition
     * root and sees every context.
     */
    @ArchTest
    static final ArchRule contextsDependOneWay = slices()
            .assignedFrom(new SliceAssignment() {
                @Override
                public SliceIdentifier getIdentifierOf(JavaClass type) {
                    String name = type.getPackageName();
                    if (!name.startsWith(ROOT + ".") || name.matches(".*\\.config(\\..*)?$")) {
                        return SliceIdentifier.ignore();
                    }
                    String rest = name.substring(ROOT.length() + 1);
                    int dot = rest.indexOf('.');
                    return SliceIdentifier.of(dot < 0 ? rest : rest.substring(0, dot));
                }

                @Override
                public String getDescription() {
                    return "contexts of conversation-service";
                }
            })
            .should().beFreeOfCycles();

    private static ArchCondition<JavaClass> wireOnlyAdaptersOfTheirOwnContext() {
        return new ArchCondition<>("depend on adapters of their own context only") {
            @Override
            public void check(JavaClass origin, ConditionEvents events) {
                Optional<String> own = context(origin.getPackageName());
                for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
                    String target = dependency.getTargetClass().getPackageName();
                    Matcher adapter = CONTEXT_PART.matcher(target);
                    if (adapter.matches() && adapter.group(2).equals("adapter")
                            && !Optional.of(adapter.group(1)).equals(own)) {
                        events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                    }
                }
            }
        };
    }

    /** {@code dev.parley.conversation.lifecycle.config} → {@code lifecycle}; the root's config has none. */
    private static Optional<String> context(String packageName) {
        Matcher matcher = CONTEXT_PART.matcher(packageName);
        return matcher.matches() ? Optional.of(matcher.group(1)) : Optional.empty();
    }
}
