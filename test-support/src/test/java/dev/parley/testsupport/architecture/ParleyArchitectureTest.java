package dev.parley.testsupport.architecture;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;

/** The shared rules pass on clean code and catch each kind of violation they exist for. */
class ParleyArchitectureTest {

    private static final String FIXTURES = "dev.parley.testsupport.architecture.fixture";

    private final JavaClasses clean = new ClassFileImporter().importPackages(FIXTURES + ".clean");
    private final JavaClasses leaky = new ClassFileImporter().importPackages(FIXTURES + ".leaky");
    private final JavaClasses inverted = new ClassFileImporter().importPackages(FIXTURES + ".inverted");
    private final JavaClasses everything = new ClassFileImporter().importPackages(FIXTURES);

    @Test
    void cleanLayersPassEveryRule() {
        assertThatCode(() -> ParleyArchitecture.domainIsFrameworkFree().check(clean)).doesNotThrowAnyException();
        assertThatCode(() -> ParleyArchitecture.layersPointInward().check(clean)).doesNotThrowAnyException();
        assertThatCode(() -> ParleyArchitecture.dependsOnCommonEventsOnly(FIXTURES + ".clean").check(clean))
                .doesNotThrowAnyException();
    }

    @Test
    void aDomainClassThatImportsKafkaBreaksTheFrameworkRule() {
        assertThatThrownBy(() -> ParleyArchitecture.domainIsFrameworkFree().check(leaky))
                .isInstanceOf(AssertionError.class).hasMessageContaining("LeakyPolicy");
    }

    @Test
    void aDomainClassThatUsesItsApplicationLayerBreaksTheLayering() {
        assertThatThrownBy(() -> ParleyArchitecture.layersPointInward().check(inverted))
                .isInstanceOf(AssertionError.class).hasMessageContaining("Order");
    }

    @Test
    void oneServiceUsingAnotherServicesClassesBreaksTheModuleRule() {
        // "clean" stands for one service; the "leaky" and "inverted" fixtures for two others.
        assertThatThrownBy(() -> ParleyArchitecture.dependsOnCommonEventsOnly(FIXTURES + ".inverted.domain")
                .check(everything))
                .isInstanceOf(AssertionError.class).hasMessageContaining("PlacingOrder");
    }
}
