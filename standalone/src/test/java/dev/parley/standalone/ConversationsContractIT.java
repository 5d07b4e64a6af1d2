package dev.parley.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.gateway.conversation.adapter.http.HttpConversations;
import dev.parley.gateway.conversation.application.ConversationCommand;
import dev.parley.gateway.conversation.application.ConversationCommand.Kind;
import dev.parley.gateway.conversation.application.ConversationRefusal;
import dev.parley.gateway.conversation.application.Conversations;
import dev.parley.standalone.inprocess.InProcessConversations;
import dev.parley.testsupport.RealInfrastructure;
import dev.parley.testsupport.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.web.reactive.function.client.WebClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The gateway's two ways to conversation-service, over HTTP and in process, held to one contract
 * against one running suite: the same commands get the same answers and the same refusals, codes
 * included. A difference would show as a client behaving differently in standalone than in a cluster.
 */
@RealInfrastructure
class ConversationsContractIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static Suite suite;
    private static Http http;
    private static Path data;

    @BeforeAll
    static void start(TestDatabase database) throws Exception {
        data = Files.createTempDirectory("parley-contract");
        suite = Suite.onPostgres(database, data);
        http = new Http(suite);
    }

    @AfterAll
    static void stop() {
        suite.close();
    }

    static Conversations overHttp() {
        return new HttpConversations(WebClient.builder().baseUrl(suite.url("")).build(), JSON, Duration.ofSeconds(10));
    }

    static Conversations inProcess() {
        return suite.bean(InProcessConversations.class);
    }

    static String agentToken() {
        var agent = suite.demo().agents().get(0);
        return http.login(agent.email(), agent.newPassword().orElseThrow());
    }

    @Nested
    class InProcess extends Contract {
        InProcess() {
            super(inProcess());
        }
    }

    @Nested
    class OverHttp extends Contract {
        OverHttp() {
            super(overHttp());
        }
    }

    @Test
    void bothAnswerTheSameQueryWithTheSameJson() {
        String customer = http.widgetSession();
        JsonNode started = JSON.readTree(inProcess().call(customer, new ConversationCommand.Start()).block().utf8());
        var open = new ConversationCommand.Open(UUID.fromString(started.path("id").asString()));

        JsonNode viaHttp = JSON.readTree(overHttp().call(customer, open).block().utf8());
        JsonNode viaProcess = JSON.readTree(inProcess().call(customer, open).block().utf8());

        assertThat(viaProcess).isEqualTo(viaHttp);
        assertThat(viaProcess.path("participants").size()).isEqualTo(1);
    }

    abstract static class Contract {

        private final Conversations conversations;

        Contract(Conversations conversations) {
            this.conversations = conversations;
        }

        private JsonNode call(String token, ConversationCommand command) {
            return JSON.readTree(conversations.call(token, command).block().utf8());
        }

        private ConversationRefusal refusal(String token, ConversationCommand command) {
            try {
                conversations.call(token, command).block();
            } catch (ConversationRefusal refused) {
                return refused;
            }
            throw new AssertionError(command + " was not refused");
        }

        @Test
        void aCustomerStartsSendsAndARetryGetsTheOriginal() {
            String customer = http.widgetSession();
            UUID conversation = UUID.fromString(call(customer, new ConversationCommand.Start()).path("id").asString());
            var send = new ConversationCommand.Send(conversation, "c-1", "hello", null, null, null);

            JsonNode sent = call(customer, send);
            JsonNode retried = call(customer, send);

            assertThat(sent.path("body").asString()).isEqualTo("hello");
            assertThat(sent.path("kind").asString()).isEqualTo("TEXT");
            assertThat(sent.path("seq").asLong()).isPositive();
            assertThat(retried.path("id")).isEqualTo(sent.path("id"));
            JsonNode page = call(customer, new ConversationCommand.EventsSince(conversation, 0, null));
            assertThat(page.path("events").findValuesAsString("type")).contains("message.created");
            assertThat(page.path("throughSeq").asLong()).isGreaterThanOrEqualTo(sent.path("seq").asLong());
        }

        @Test
        void readWatermarksComeBackAsTheParticipantsNow() {
            String customer = http.widgetSession();
            UUID conversation = UUID.fromString(call(customer, new ConversationCommand.Start()).path("id").asString());
            long seq = call(customer, new ConversationCommand.Send(conversation, "c-1", "hi", Kind.TEXT, null, null))
                    .path("seq").asLong();

            JsonNode participant = call(customer, new ConversationCommand.Read(conversation, seq, seq));

            assertThat(participant.path("lastReadSeq").asLong()).isEqualTo(seq);
        }

        @Test
        void aListWithoutParametersIsTheCallersOwn() {
            String customer = http.widgetSession();
            String id = call(customer, new ConversationCommand.Start()).path("id").asString();

            JsonNode list = call(customer, new ConversationCommand.ListConversations(null, null, null, null));

            assertThat(list.path("conversations").findValuesAsString("id")).containsExactly(id);
        }

        @Test
        void anotherCustomersConversationIsRefusedWithItsCode() {
            String owner = http.widgetSession();
            UUID conversation = UUID.fromString(call(owner, new ConversationCommand.Start()).path("id").asString());

            var refused = refusal(http.widgetSession(), new ConversationCommand.Open(conversation));

            assertThat(refused.status()).isEqualTo(404);
            assertThat(refused.code()).isEqualTo("conversation.not_found");
        }

        @Test
        void refusalsOfTheServiceKeepTheirCodes() {
            String agent = agentToken();
            UUID agentId = suite.demo().agents().get(0).id();

            assertThat(refusal(agent, new ConversationCommand.ChangeStatus(agentId, "SLEEPING")).code())
                    .isEqualTo("agent.invalid_status");
            assertThat(refusal(agent, new ConversationCommand.Transfer(UUID.randomUUID(), null, null)).code())
                    .isEqualTo("transfer.invalid_target");
            assertThat(refusal(agent, new ConversationCommand.ListConversations("everything", null, null, null)).code())
                    .isEqualTo("page.invalid");
        }

        @Test
        void aTokenThatIsNotValidIsRefusedAsTheServiceRefusesIt() {
            var refused = refusal("not-a-token", new ConversationCommand.Agents());

            assertThat(refused.status()).isEqualTo(401);
            assertThat(refused.code()).isEqualTo("auth.token_invalid");
        }

        @Test
        void anAgentSetsTheirStatusAndReadsTheAgents() {
            String agent = agentToken();
            UUID agentId = suite.demo().agents().get(0).id();

            assertThat(call(agent, new ConversationCommand.ChangeStatus(agentId, "ONLINE")).path("status").asString())
                    .isEqualTo("ONLINE");
            assertThat(call(agent, new ConversationCommand.Agents()).findValuesAsString("id")).contains(agentId.toString());
        }

        @Test
        void aCustomerCannotUseAnAgentsCommand() {
            String customer = http.widgetSession();
            UUID conversation = UUID.fromString(call(customer, new ConversationCommand.Start()).path("id").asString());

            var refused = refusal(customer, new ConversationCommand.Change(conversation, ConversationCommand.Move.ACCEPT));

            assertThat(refused.status()).isEqualTo(403);
        }
    }
}
