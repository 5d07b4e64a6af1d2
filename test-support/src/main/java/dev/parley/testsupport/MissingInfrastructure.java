package dev.parley.testsupport;

import java.io.PrintStream;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

import org.opentest4j.TestAbortedException;

/**
 * Turns "no server of this kind" into a skipped test, or a failed one when the build demands real
 * infrastructure ({@value #REQUIRE_VARIABLE}=true, as CI should set): a skip must never hide that CI
 * tested nothing.
 */
final class MissingInfrastructure {

    static final String REQUIRE_VARIABLE = "PARLEY_REQUIRE_INFRA";

    // One full banner per kind per JVM is loud enough; every later skip gets a single line.
    private static final Set<InfrastructureKind> ANNOUNCED = EnumSet.noneOf(InfrastructureKind.class);

    private final boolean required;
    private final PrintStream notices;

    MissingInfrastructure(boolean required, PrintStream notices) {
        this.required = required;
        this.notices = notices;
    }

    static MissingInfrastructure fromEnvironment() {
        return from(System::getenv, System.err);
    }

    static MissingInfrastructure from(UnaryOperator<String> environment, PrintStream notices) {
        return new MissingInfrastructure("true".equalsIgnoreCase(trim(environment.apply(REQUIRE_VARIABLE))), notices);
    }

    /**
     * @return the exception to throw: {@link MissingInfrastructureException} when required, otherwise a
     *     {@link TestAbortedException} so JUnit reports the test (class) as skipped
     */
    RuntimeException report(InfrastructureKind kind, List<String> attempts, String requester) {
        String message = message(kind, attempts);
        if (required) {
            return new MissingInfrastructureException(message + "\n" + REQUIRE_VARIABLE
                    + "=true, so this is a failure rather than a skip.");
        }
        announce(kind, requester, message);
        return new TestAbortedException(message);
    }

    static String message(InfrastructureKind kind, List<String> attempts) {
        StringBuilder text = new StringBuilder()
                .append("No ").append(kind.displayName()).append(" for integration tests. Provide one of:\n")
                .append("  1. env ").append(kind.variable()).append('=').append(kind.variableExample()).append('\n')
                .append("  2. a Docker engine, so Testcontainers can run ").append(kind.image()).append('\n')
                .append("  3. ").append(kind.localFallback()).append('\n')
                .append("Tried:");
        for (String attempt : attempts) {
            text.append("\n  - ").append(attempt);
        }
        return text.toString();
    }

    private void announce(InfrastructureKind kind, String requester, String message) {
        boolean first;
        synchronized (ANNOUNCED) {
            first = ANNOUNCED.add(kind);
        }
        if (first) {
            String rule = "*".repeat(100);
            notices.println(rule);
            notices.println("* SKIPPING integration tests that need " + kind.displayName() + " (first: " + requester + ")");
            notices.println(message);
            notices.println("Set " + REQUIRE_VARIABLE + "=true to make this a failure instead of a skip.");
            notices.println(rule);
        } else {
            notices.println("[parley test-support] SKIPPING " + requester + ": no " + kind.displayName()
                    + " (see the notice above)");
        }
    }

    private static String trim(String value) {
        return value == null ? "" : value.trim();
    }
}
