package dev.parley.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.Arrays;
import java.util.List;

import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/**
 * Runs sample test classes through the Jupiter engine, so a test can look at what
 * {@link RealInfrastructure} left behind after those classes finished.
 */
final class SampleRun {

    private SampleRun() {
    }

    static void runSuccessfully(Class<?>... sampleClasses) {
        EngineExecutionResults results = EngineTestKit.engine("junit-jupiter")
                .selectors(Arrays.stream(sampleClasses).map(type -> selectClass(type)).toArray(DiscoverySelector[]::new))
                .execute();

        List<String> problems = results.allEvents().stream()
                .filter(event -> event.getPayload(TestExecutionResult.class)
                        .map(result -> result.getStatus() != TestExecutionResult.Status.SUCCESSFUL)
                        .orElse(false)
                        || event.getPayload(String.class).isPresent())
                .map(SampleRun::describe)
                .toList();
        assertThat(problems).as("sample classes did not all pass").isEmpty();
        assertThat(results.testEvents().succeeded().count()).as("sample tests that passed").isPositive();
    }

    private static String describe(Event event) {
        String result = event.getPayload(TestExecutionResult.class)
                .map(r -> r.getStatus() + r.getThrowable().map(t -> ": " + t).orElse(""))
                .orElseGet(() -> "skipped: " + event.getPayload(String.class).orElse(""));
        return event.getTestDescriptor().getDisplayName() + " -> " + result;
    }
}
