package dev.parley.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RequestedTypesTest {

    @Test
    void findsTheTypesThatJUnitWillInjectAndNothingElse() {
        assertThat(RealInfrastructureExtension.requestedTypes(Sample.class))
                .containsExactlyInAnyOrder(TestDatabase.class, TestRedis.class, TestKafka.class);
    }

    @Test
    void includesInheritedLifecycleMethods() {
        assertThat(RealInfrastructureExtension.requestedTypes(Subclass.class)).containsExactly(TestRedis.class);
    }

    @SuppressWarnings({"unused", "JUnitMalformedDeclaration"})
    static class Sample {
        Sample(TestKafka kafka) {
        }

        @BeforeAll
        static void setUp(TestDatabase database) {
        }

        @ParameterizedTest
        @ValueSource(ints = 1)
        void parameterized(int value, TestRedis redis) {
        }

        // A helper is not invoked by JUnit, so it must not start a dedicated broker.
        void helper(DedicatedKafka kafka) {
        }
    }

    @SuppressWarnings("unused")
    static class Base {
        @BeforeEach
        void setUp(TestRedis redis) {
        }
    }

    static class Subclass extends Base {
    }
}
