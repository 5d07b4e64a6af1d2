package dev.parley.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.parley.standalone.demo.DemoData.DemoAgent;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15, defect 8a: with no presence secret set, an agent who closed the console stayed ONLINE
 * forever in standalone, got new conversations and the widget said "joined". Started as a new user
 * starts it, with no settings beyond a short grace.
 */
class AgentPresenceIT {

    @TempDir
    Path dataDirectory;
    private Suite suite;

    @AfterEach
    void stop() {
        if (suite != null) {
            suite.close();
        }
    }

    @Test
    void anAgentWhoClosesTheConsoleGoesOfflineAfterTheGrace() {
        suite = Suite.embedded(dataDirectory, "--parley.gateway.presence.grace=1s");
        var http = new Http(suite);
        DemoAgent sam = suite.demo().agents().stream().filter(agent -> !agent.admin()).findFirst().orElseThrow();
        String token = http.login(sam.email(), sam.newPassword().orElseThrow());

        try (var console = Client.hello(suite, token)) {
            console.call("agent.status", Map.of("status", "ONLINE"));
            assertThat(status(http, token, sam)).isEqualTo("ONLINE");
        }

        await().atMost(Client.PATIENCE).until(() -> "OFFLINE".equals(status(http, token, sam)));
    }

    private static String status(Http http, String token, DemoAgent agent) {
        var agents = Http.json(http.get("/api/v1/agents", token));
        return StreamSupport.stream(agents.spliterator(), false)
                .filter(each -> agent.id().toString().equals(each.path("id").asString(null)))
                .findFirst().orElseThrow().path("status").asString();
    }
}
