package dev.parley.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.standalone.demo.DemoData.DemoAgent;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A newcomer's first minutes, through the real {@code /ws} on the suite's one port: a customer of
 * the demo inbox asks the FAQ bot, then for an agent; a demo agent logs in and goes online; the
 * worker, in the same process, assigns the conversation; they talk. On the embedded PostgreSQL, as a
 * first start runs.
 */
class CustomerMeetsAgentIT {

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
    void customerAsksTheBotThenTalksWithTheDemoAgentTheWorkerAssigned() {
        suite = Suite.embedded(dataDirectory);
        var http = new Http(suite);
        String inboxKey = suite.demo().inboxKey();
        var home = http.get("/");
        assertThat(home.statusCode()).as("the printed URL is the demo page").isEqualTo(200);
        assertThat(home.body()).contains("widget.js", "/demo.json");
        assertThat(http.get("/widget.js").statusCode()).isEqualTo(200);
        assertThat(http.get("/console").statusCode()).isEqualTo(200);
        assertThat(http.get("/demo.json").body()).contains(inboxKey);

        try (var customer = Client.hello(suite, http.widgetSession())) {
            String conversation = customer.call("conversation.start", Map.of()).path("id").asString();
            customer.call("message.send", Map.of("conversationId", conversation, "clientMsgId", "c1",
                    "body", "How long does shipping take?"));
            var answer = customer.awaitEvent(conversation, "message.created",
                    event -> "BOT".equals(event.path("data").path("kind").asString(null)));
            assertThat(answer.path("data").path("body").asString()).contains("2 to 4 working days");

            customer.call("conversation.talk_to_agent", Map.of("conversationId", conversation));
            DemoAgent sam = suite.demo().agents().stream().filter(agent -> !agent.admin()).findFirst().orElseThrow();
            try (var agent = Client.hello(suite, http.login(sam.email(), sam.newPassword().orElseThrow()))) {
                agent.call("agent.status", Map.of("status", "ONLINE"));

                var assigned = customer.awaitEvent(conversation, "conversation.assigned", event -> true);
                assertThat(assigned.path("data").path("agentId").asString()).isEqualTo(sam.id().toString());

                agent.call("message.send", Map.of("conversationId", conversation, "clientMsgId", "a1",
                        "body", "Hi, I am Sam. Which order is it about?"));
                customer.awaitEvent(conversation, "message.created",
                        event -> event.path("data").path("body").asString("").startsWith("Hi, I am Sam"));
                customer.call("message.send", Map.of("conversationId", conversation, "clientMsgId", "c2",
                        "body", "Order 1042, thanks!"));
                var reply = agent.awaitEvent(conversation, "message.created",
                        event -> "Order 1042, thanks!".equals(event.path("data").path("body").asString(null)));
                assertThat(reply.path("data").path("senderKind").asString()).isEqualTo("CUSTOMER");
            }
        }
    }
}
