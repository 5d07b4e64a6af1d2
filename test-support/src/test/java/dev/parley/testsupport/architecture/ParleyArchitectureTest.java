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
    // Classes of two pretend modules under dev.parley: one reaches into the other, one into events.
    private final JavaClasses crossModule = new ClassFileImporter().importClasses(
            dev.parley.fixtureworker.RoutingPeek.class, dev.parley.fixturegateway.Router.class);
    private final JavaClasses usingEvents = new ClassFileImporter().importClasses(
            dev.parley.fixtureworker.EventUser.class, dev.parley.events.FixtureEvent.class);
    private final JavaClasses usingServiceClient = new ClassFileImporter().importClasses(
            dev.parley.fixtureworker.TokenUser.class, dev.parley.serviceclient.FixtureTokens.class);

    @Test
    void cleanLayersPassEveryRule() {
        assertThatCode(() -> ParleyArchitecture.DOMAIN_IS_FRAMEWORK_FREE.check(clean)).doesNotThrowAnyException();
        assertThatCode(() -> ParleyArchitecture.LAYERS_POINT_INWARD.check(clean)).doesNotThrowAnyException();
        assertThatCode(() -> ParleyArchitecture.SERVICES_DEPEND_ON_SHARED_MODULES_ONLY.check(clean))
                .doesNotThrowAnyException();
    }

    @Test
    void aDomainClassThatImportsKafkaBreaksTheFrameworkRule() {
        assertThatThrownBy(() -> ParleyArchitecture.DOMAIN_IS_FRAMEWORK_FREE.check(leaky))
                .isInstanceOf(AssertionError.class).hasMessageContaining("LeakyPolicy");
    }

    @Test
    void aDomainClassThatUsesItsApplicationLayerBreaksTheLayering() {
        assertThatThrownBy(() -> ParleyArchitecture.LAYERS_POINT_INWARD.check(inverted))
                .isInstanceOf(AssertionError.class).hasMessageContaining("Order");
    }

    @Test
    void oneServiceUsingAnotherServicesClassesBreaksTheModuleRule() {
        assertThatThrownBy(() -> ParleyArchitecture.SERVICES_DEPEND_ON_SHARED_MODULES_ONLY.check(crossModule))
                .isInstanceOf(AssertionError.class).hasMessageContaining("RoutingPeek");
    }

    @Test
    void usingCommonEventsIsAllowed() {
        assertThatCode(() -> ParleyArchitecture.SERVICES_DEPEND_ON_SHARED_MODULES_ONLY.check(usingEvents))
                .doesNotThrowAnyException();
    }

    @Test
    void usingTheServiceClientIsAllowed() {
        assertThatCode(() -> ParleyArchitecture.SERVICES_DEPEND_ON_SHARED_MODULES_ONLY.check(usingServiceClient))
                .doesNotThrowAnyException();
    }
}
