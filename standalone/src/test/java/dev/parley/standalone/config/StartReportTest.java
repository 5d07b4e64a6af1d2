package dev.parley.standalone.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.standalone.demo.DemoData;
import dev.parley.standalone.demo.DemoData.DemoAgent;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class StartReportTest {

    private static final DemoData DEMO = new DemoData(UUID.randomUUID(), "pk_demo", UUID.randomUUID(), List.of(
            new DemoAgent(UUID.randomUUID(), "Alex Admin", "alex@example.com", true, Optional.of("abcd-efgh-ijkm")),
            new DemoAgent(UUID.randomUUID(), "Sam Agent", "sam@example.com", false, Optional.empty())));

    @Test
    void namesThePagesAndTheCredentialsCreatedNow() {
        String report = String.join("\n", StartReport.lines("http://localhost:8080", Optional.of(DEMO), false));

        assertThat(report).contains("http://localhost:8080/console", "alex@example.com", "abcd-efgh-ijkm",
                "password as printed when it was created");
    }

    @Test
    void warnsThatTheMemoryStoreForgetsOnlyWhenItIsUsed() {
        assertThat(String.join("\n", StartReport.lines("http://localhost:8080", Optional.empty(), true)))
                .contains("forgotten when this process exits");
        assertThat(String.join("\n", StartReport.lines("http://localhost:8080", Optional.empty(), false)))
                .doesNotContain("forgotten");
    }
}
