package dev.parley.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

class MissingInfrastructureTest {

    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    private final PrintStream notices = new PrintStream(stderr, true, StandardCharsets.UTF_8);
    private final List<String> attempts = List.of("PARLEY_TEST_REDIS_URL is not set", "Docker: no engine configured",
            "nothing answers on 127.0.0.1:6379");

    @Test
    void skipsWithANoticeNamingAllThreeWaysWhenInfrastructureIsNotRequired() {
        RuntimeException outcome = MissingInfrastructure.from(Map.<String, String>of()::get, notices)
                .report(InfrastructureKind.REDIS, attempts, "SomeIT");

        assertThat(outcome).isInstanceOf(TestAbortedException.class);
        assertNamesTheThreeWays(outcome.getMessage());
        String notice = stderr.toString(StandardCharsets.UTF_8);
        assertThat(notice).contains("SomeIT").contains("PARLEY_REQUIRE_INFRA=true");
        assertNamesTheThreeWays(notice);
    }

    @Test
    void failsWithOneMessageWhenInfrastructureIsRequired() {
        RuntimeException outcome = MissingInfrastructure.from(Map.of("PARLEY_REQUIRE_INFRA", "true")::get, notices)
                .report(InfrastructureKind.REDIS, attempts, "SomeIT");

        assertThat(outcome).isInstanceOf(MissingInfrastructureException.class);
        assertNamesTheThreeWays(outcome.getMessage());
        assertThat(outcome.getMessage()).contains("nothing answers on 127.0.0.1:6379");
        assertThat(stderr.size()).isZero();
    }

    @Test
    void anyOtherValueOfTheRequireVariableSkips() {
        RuntimeException outcome = MissingInfrastructure.from(Map.of("PARLEY_REQUIRE_INFRA", "no")::get, notices)
                .report(InfrastructureKind.KAFKA, attempts, "SomeIT");

        assertThat(outcome).isInstanceOf(TestAbortedException.class);
    }

    private static void assertNamesTheThreeWays(String text) {
        assertThat(text)
                .contains("PARLEY_TEST_REDIS_URL")
                .contains("Docker")
                .contains("127.0.0.1:6379");
    }
}
