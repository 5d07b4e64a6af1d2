package dev.parley.standalone.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.standalone.demo.DemoData;
import dev.parley.standalone.demo.DemoData.DemoAgent;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class StartReportTest {

    private static final StartReport.Storage EMBEDDED = new StartReport.Storage(Path.of("/home/sam/.parley"), true,
            "127.0.0.1:45123");
    private static final DemoData DEMO = new DemoData(UUID.randomUUID(), "pk_demo", UUID.randomUUID(), List.of(
            new DemoAgent(UUID.randomUUID(), "Alex Admin", "alex@example.com", true, Optional.of("abcd-efgh-ijkm")),
            new DemoAgent(UUID.randomUUID(), "Sam Agent", "sam@example.com", false, Optional.empty())));

    @Test
    void namesThePagesAndTheCredentialsCreatedNow() {
        String report = String.join("\n", StartReport.lines("http://localhost:8080", Optional.of(DEMO), EMBEDDED));

        assertThat(report).contains("http://localhost:8080/console", "alex@example.com", "abcd-efgh-ijkm",
                "password as printed when it was created");
    }

    @Test
    void saysWhereTheDataIsAndHowToStartAfresh() {
        assertThat(String.join("\n", StartReport.lines("http://localhost:8080", Optional.empty(), EMBEDDED)))
                .contains("Data: /home/sam/.parley (set PARLEY_DATA_DIR to move it)", "127.0.0.1:45123",
                        "To start afresh: stop Parley, delete /home/sam/.parley, start again.");
    }

    @Test
    void namesTheUsersOwnServerAndWhereUploadsGo() {
        var external = new StartReport.Storage(Path.of("/home/sam/.parley"), false, "postgresql://db:5432/parley");

        assertThat(String.join("\n", StartReport.lines("http://localhost:8080", Optional.empty(), external)))
                .contains("PostgreSQL at postgresql://db:5432/parley", "/home/sam/.parley/attachments")
                .doesNotContain("delete");
    }
}
