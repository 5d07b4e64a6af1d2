package dev.parley.system.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.parley.testsupport.RealInfrastructure;
import dev.parley.testsupport.TestDatabase;
import dev.parley.testsupport.TestKafka;
import dev.parley.testsupport.TestRedis;
import dev.parley.testsupport.http.ActuatorProbe;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

/**
 * The real-time edge end to end: real sockets on a gateway node, which calls a real
 * conversation-service as each user and delivers the events it publishes through Kafka.
 */
@RealInfrastructure
class GatewayIT {

    private static Stack stack;
    private static Tokens tokens;
    private final List<Client> clients = new ArrayList<>();

    @BeforeAll
    static void start(TestDatabase database, TestKafka kafka, TestRedis redis) {
        stack = Stack.start(database, kafka, redis, "parley.gateway.hello-timeout=2s",
                "parley.gateway.commands-per-second=1000", "parley.gateway.command-burst=1000",
                "parley.gateway.limits.commands-per-user=100000");
        Cast.seed(database);
        tokens = new Tokens(stack.servicePort);
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    @AfterEach
    void closeClients() {
        clients.forEach(Client::close);
    }

    /** A new customer who started a conversation that Bob has joined. */
    private record Chat(UUID conversationId, String customerToken, Client customer, Client bob) {
    }

    private Chat chat() {
        return chat(stack.gatewayPort);
    }

    /** The customer on the first node, Bob on the node of {@code bobsPort}. */
    private Chat chat(int bobsPort) {
        String customerToken = tokens.newCustomer().path("token").asString();
        Client customer = track(Client.hello(stack.gatewayPort, customerToken, Map.of()));
        Client bob = track(Client.hello(bobsPort, tokens.bob(), Map.of()));
        UUID conversationId = UUID.fromString(customer.call("conversation.start", Map.of()).path("id").asString());
        bob.call("conversation.join", Map.of("conversationId", conversationId));
        return new Chat(conversationId, customerToken, customer, bob);
    }

    private Client track(Client client) {
        clients.add(client);
        return client;
    }

    /**
     * Sends are pipelined (no waiting for acks), as a busy client would; each socket's frames still
     * reach conversation-service one at a time in order, so the run takes about 2,000 appends.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource({"on one node, false, 150", "on two nodes routed through Redis, true, 1000"})
    void customerAndAgentExchangeHundredsOfMessagesInOrderWithNoneLostOrDuplicated(String where, boolean apart, int each) {
        Chat chat = chat(apart ? stack.otherGatewayPort : stack.gatewayPort);

        for (int i = 0; i < each; i++) {
            chat.customer().send("message.send", Client.message(chat.conversationId(), "c-" + i, "TEXT"));
            chat.bob().send("message.send", Client.message(chat.conversationId(), "a-" + i, "TEXT"));
        }

        for (Client side : List.of(chat.customer(), chat.bob())) {
            await().atMost(Client.PATIENCE.multipliedBy(6)).until(() -> side.messageBodies().containsAll(List.of("c-" + (each - 1), "a-" + (each - 1))));
            List<String> bodies = side.messageBodies().stream().filter(body -> body.matches("[ca]-\\d+")).toList();
            assertThat(bodies).doesNotHaveDuplicates().hasSize(2 * each);
            assertThat(bodies.stream().filter(body -> body.startsWith("c-")))
                    .containsExactlyElementsOf(IntStream.range(0, each).mapToObj(i -> "c-" + i).toList());
            assertThat(bodies.stream().filter(body -> body.startsWith("a-")))
                    .containsExactlyElementsOf(IntStream.range(0, each).mapToObj(i -> "a-" + i).toList());
            assertThat(side.seqs()).isSorted().doesNotHaveDuplicates();
        }
        assertThat(chat.customer().frames.stream().filter(frame -> "error".equals(Client.type(frame)))).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"on one node, false", "on two nodes routed through Redis, true"})
    void aPrivateNoteNeverReachesTheCustomersSocket(String where, boolean apart) {
        Chat chat = chat(apart ? stack.otherGatewayPort : stack.gatewayPort);

        chat.bob().call("message.send", Client.message(chat.conversationId(), "secret-note", "NOTE"));
        chat.bob().call("message.send", Client.message(chat.conversationId(), "public-reply", "TEXT"));

        await().atMost(Client.PATIENCE).until(() -> chat.customer().messageBodies().contains("public-reply"));
        assertThat(chat.customer().messageBodies()).doesNotContain("secret-note");
        assertThat(chat.customer().events()).noneMatch(event -> "AGENTS_ONLY".equals(event.path("audience").path("visibility").asString(null)));
        await().atMost(Client.PATIENCE).until(() -> chat.bob().messageBodies().containsAll(List.of("secret-note", "public-reply")));
    }

    @Test
    void aReconnectingCustomerGetsWhatWasSentWhileAwayAndDuringTheReplayWithoutGapOrDuplicate() {
        Chat chat = chat();
        chat.customer().call("message.send", Client.message(chat.conversationId(), "before", "TEXT"));
        await().atMost(Client.PATIENCE).until(() -> chat.customer().messageBodies().contains("before"));
        List<Long> seen = chat.customer().seqs();
        long lastSeen = seen.get(seen.size() - 1);
        chat.customer().close();

        for (int i = 0; i < 30; i++) {
            chat.bob().call("message.send", Client.message(chat.conversationId(), "away-" + i, "TEXT"));
        }
        chat.bob().call("message.send", Client.message(chat.conversationId(), "note-while-away", "NOTE"));
        Client back = track(Client.connect(stack.gatewayPort));
        back.sendText("{\"type\":\"hello\",\"ref\":\"again\",\"token\":\"" + chat.customerToken()
                + "\",\"lastSeqs\":{\"" + chat.conversationId() + "\":" + lastSeen + "}}");
        List<String> duringReplay = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            duringReplay.add(chat.bob().send("message.send", Client.message(chat.conversationId(), "during-" + i, "TEXT")));
        }
        duringReplay.forEach(ref -> chat.bob().awaitFrame(frame -> ref.equals(frame.path("ref").asString(null))));

        back.awaitFrame(frame -> "resumed".equals(Client.type(frame)));
        await().atMost(Client.PATIENCE).until(() -> back.messageBodies().contains("during-29"));
        List<Long> truth = eventsSince(back, chat.conversationId(), lastSeen);
        assertThat(back.seqs()).containsExactlyElementsOf(truth);
        assertThat(back.messageBodies()).doesNotContain("before", "note-while-away").doesNotHaveDuplicates()
                .containsSubsequence("away-0", "away-29", "during-0", "during-29");
    }

    @Test
    void badFramesAreAnsweredAndTheSocketAndItsNeighboursCarryOn() {
        Chat chat = chat();
        Client oversized = track(Client.hello(stack.gatewayPort, tokens.newCustomer().path("token").asString(), Map.of()));
        List<String> bad = new ArrayList<>(List.of("not json", "[]", "{}", "42", "{\"type\":7}",
                "{\"type\":\"no.such\",\"ref\":\"unknown\"}",
                "{\"type\":\"message.send\",\"ref\":\"no-conversation\",\"body\":\"x\"}",
                "{\"type\":\"hello\",\"ref\":\"again\",\"token\":\"x\"}"));
        Random random = new Random(20261121);
        for (int i = 0; i < 100; i++) {
            bad.add(garbage(random));
        }

        bad.forEach(chat.customer()::sendText);
        oversized.sendText("{\"type\":\"ping\",\"pad\":\"" + "x".repeat(70 * 1024) + "\"}");
        chat.customer().call("ping", Map.of());
        chat.customer().call("message.send", Client.message(chat.conversationId(), "still-here", "TEXT"));

        assertThat(oversized.closedWith).succeedsWithin(Client.PATIENCE).isEqualTo(1009);
        await().atMost(Client.PATIENCE).until(() -> chat.bob().messageBodies().contains("still-here"));
        List<JsonNode> errors = chat.customer().frames.stream().filter(frame -> "error".equals(Client.type(frame))).toList();
        assertThat(errors).hasSize(bad.size());
        assertThat(errors).filteredOn(error -> "unknown".equals(error.path("ref").asString(null)))
                .singleElement().extracting(error -> error.path("code").asString()).isEqualTo("frame.unknown_type");
        assertThat(errors).filteredOn(error -> "no-conversation".equals(error.path("ref").asString(null)))
                .singleElement().extracting(error -> error.path("code").asString()).isEqualTo("frame.invalid");
        assertThat(errors).filteredOn(error -> "again".equals(error.path("ref").asString(null)))
                .singleElement().extracting(error -> error.path("code").asString()).isEqualTo("hello.repeated");
        assertThat(chat.customer().closedWith).isNotDone();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "no hello in time          |                                                  | 4408",
            "first frame not a hello   | {\"type\":\"ping\"}                               | 4400",
            "first frame not JSON      | hello?                                           | 4400",
            "forged token              | {\"type\":\"hello\",\"token\":\"eyJhbGciOiJub25lIn0.e30.\"} | 4401",
            "no token                  | {\"type\":\"hello\"}                              | 4401",
    })
    void aSocketThatDoesNotAuthenticateIsClosedWithItsCode(String why, String firstFrame, int code) {
        Client client = track(Client.connect(stack.gatewayPort));
        if (firstFrame != null) {
            client.sendText(firstFrame);
        }

        assertThat(client.closedWith).succeedsWithin(Client.PATIENCE).isEqualTo(code);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"on one node, false", "on two nodes routed through Redis, true"})
    void typingReachesTheOtherParticipantsWithoutBeingStored(String where, boolean apart) {
        Chat chat = chat(apart ? stack.otherGatewayPort : stack.gatewayPort);

        chat.customer().call("typing", Map.of("conversationId", chat.conversationId(), "typing", true));

        JsonNode typing = chat.bob().awaitFrame(frame -> "typing".equals(Client.type(frame)));
        assertThat(typing.path("conversationId").asString()).isEqualTo(chat.conversationId().toString());
        assertThat(chat.customer().frames).noneMatch(frame -> "typing".equals(Client.type(frame)));
        List<Long> stored = eventsSince(chat.bob(), chat.conversationId(), 0);
        assertThat(chat.bob().events()).noneMatch(event -> event.path("type").asString("").contains("typing"));
        assertThat(stored).isNotEmpty();
    }

    @Test
    void theNodeCountsSocketsFramesRejectionsAndDeliveryLatency() {
        Chat chat = chat();
        chat.customer().sendText("not json");
        chat.customer().call("message.send", Client.message(chat.conversationId(), "measured", "TEXT"));
        await().atMost(Client.PATIENCE).until(() -> chat.bob().messageBodies().contains("measured"));

        String metrics = ActuatorProbe.onLocalPort(stack.gatewayPort).prometheus().body();

        assertThat(metrics).containsPattern("parley_gateway_sockets\\{[^}]*role=\"customer\"[^}]*} [1-9]")
                .containsPattern("parley_gateway_sockets\\{[^}]*role=\"agent\"[^}]*} [1-9]")
                .containsPattern("parley_gateway_frames_in_total\\{[^}]*type=\"message.send\"")
                .containsPattern("parley_gateway_frames_out_total\\{[^}]*type=\"event\"")
                .containsPattern("parley_gateway_frames_rejected_total\\{[^}]*reason=\"malformed\"")
                .containsPattern("parley_gateway_delivery_latency_seconds_bucket\\{");
    }


    /** What conversation-service says the user may see after {@code since}: the resume's truth. */
    private static List<Long> eventsSince(Client client, UUID conversationId, long since) {
        List<Long> seqs = new ArrayList<>();
        long from = since;
        while (true) {
            JsonNode page = client.call("events.since", Map.of("conversationId", conversationId, "since", from, "limit", 100));
            page.path("events").forEach(event -> seqs.add(event.path("seq").asLong()));
            if (!page.path("more").asBoolean() || page.path("throughSeq").asLong() <= from) {
                return seqs;
            }
            from = page.path("throughSeq").asLong();
        }
    }

    /** Random text, JSON-looking or not, none of it a valid command. */
    private static String garbage(Random random) {
        String alphabet = "{}[]\":,tyep 0123456789abcxyz\\";
        int length = 1 + random.nextInt(40);
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        String candidate = text.toString();
        return candidate.contains("\"type\"") ? "x" + candidate : candidate;
    }
}
