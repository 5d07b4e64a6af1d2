package dev.parley.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.standalone.database.EmbeddedDatabase;
import dev.parley.standalone.demo.DemoData.DemoAgent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * What a user does on a laptop: start, chat, upload a file, stop, start again with the README's
 * command. Everything is still there, and the passwords printed at the first start still work.
 */
class StandaloneRestartIT {

    private static final byte[] ORDER = "Order 1042: two mugs, one teapot.\n".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path dataDirectory;

    @Test
    void aRestartOnTheSameDataDirectoryKeepsConversationsMessagesUploadsAndPasswords() {
        String customer;
        String conversation;
        String attachment;
        List<DemoAgent> agents;
        try (var suite = Suite.embedded(dataDirectory)) {
            var http = new Http(suite);
            agents = suite.demo().agents();
            customer = http.widgetSession();
            conversation = http.post("/api/v1/conversations", customer, "{}").path("id").asString();
            send(http, customer, conversation, "{\"clientMsgId\":\"c1\",\"body\":\"Where is my order?\"}");
            attachment = http.upload("/api/v1/conversations/" + conversation + "/attachments", customer,
                    "order.txt", "text/plain", ORDER).path("id").asString();
            send(http, customer, conversation, "{\"clientMsgId\":\"c2\",\"body\":\"Here is the list\",\"attachmentIds\":[\""
                    + attachment + "\"]}");
        }

        try (var suite = Suite.embedded(dataDirectory)) {
            var http = new Http(suite);
            assertThat(suite.bean(EmbeddedDatabase.class).created()).as("the data directory reused").isFalse();
            assertThat(suite.demo().agents()).as("no new passwords for existing agents")
                    .allSatisfy(agent -> assertThat(agent.newPassword()).isEmpty());
            String admin = null;
            for (DemoAgent agent : agents) {
                String token = http.login(agent.email(), agent.newPassword().orElseThrow());
                assertThat(token).as(agent.email() + " logs in with the password printed at the first start").isNotBlank();
                if (agent.admin()) {
                    admin = token;
                }
            }

            var history = Http.json(http.get("/api/v1/conversations/" + conversation + "/messages", admin));
            assertThat(bodies(history)).contains("Where is my order?", "Here is the list");
            assertThat(http.get("/api/v1/conversations/" + conversation, customer).statusCode())
                    .as("the customer's token still verifies: the signing keys were kept").isEqualTo(200);
            var shared = Http.json(http.get("/api/v1/conversations/" + conversation + "/attachments/" + attachment, admin));
            assertThat(http.bytes(shared.path("url").asString()).body()).as("the uploaded file").isEqualTo(ORDER);
        }
    }

    private static void send(Http http, String token, String conversation, String body) {
        http.post("/api/v1/conversations/" + conversation + "/messages", token, body);
    }

    private static List<String> bodies(JsonNode history) {
        var bodies = new ArrayList<String>();
        history.path("messages").forEach(message -> bodies.add(message.path("body").asString("")));
        return bodies;
    }
}
