package dev.parley.conversation;

import static dev.parley.conversation.fixtures.Cast.ALICE_CUSTOMER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.parley.conversation.fixtures.StoreFixture;
import dev.parley.conversation.lifecycle.application.StartingConversation;
import dev.parley.conversation.lifecycle.domain.Conversation;
import dev.parley.conversation.messaging.application.SendingMessage;
import dev.parley.conversation.messaging.domain.MessageKind;
import dev.parley.conversation.messaging.domain.SendMessage;
import dev.parley.conversation.outbox.application.Outbox;
import dev.parley.conversation.shared.application.Transactions;
import dev.parley.conversation.shared.domain.Outcome;
import dev.parley.events.Actor;
import dev.parley.events.Audience;
import dev.parley.events.EventData;
import dev.parley.events.EventEnvelope;
import dev.parley.events.Topics;
import dev.parley.events.bus.EventBus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Mono;

/**
 * The service in memory mode as the standalone module runs it: no database anywhere, ready, and
 * the in-memory outbox delivering what committed, in order, and nothing that rolled back.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "parley.conversation.store=memory", "parley.engine=memory", "parley.conversation.inactivity.enabled=false",
        // Not a database URL anyone could reach: memory mode must not try.
        "spring.r2dbc.url=r2dbc:postgresql://nowhere.invalid:1/none", "spring.flyway.url=jdbc:postgresql://nowhere.invalid:1/none"})
@DirtiesContext
class MemoryStoreIT {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @LocalServerPort
    private int port;
    @Autowired
    private ApplicationContext context;
    @Autowired
    private StartingConversation starting;
    @Autowired
    private SendingMessage sending;
    @Autowired
    private Transactions transactions;
    @Autowired
    private Outbox outbox;
    @Autowired
    private EventBus bus;
    @Autowired
    private Topics topics;

    @Test
    void startsReadyWithoutADatabase() {
        assertThat(context.getBeanNamesForType(io.r2dbc.spi.ConnectionFactory.class)).isEmpty();
        assertThat(context.getBeanNamesForType(org.flywaydb.core.Flyway.class)).isEmpty();
        WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port).build()
                .get().uri("/actuator/health/readiness").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("UP");
    }

    @Test
    void committedEventsReachTheBusInSeqOrderAndRolledBackOnesNever() {
        StoreFixture.of(context).seedCast();
        List<EventEnvelope> delivered = new CopyOnWriteArrayList<>();
        var subscription = bus.subscribe(topics.conversationEvents(), "memory-store-it", event -> {
            delivered.add(event);
            return Mono.empty();
        });
        try {
            Conversation conversation = accepted(starting.start(ALICE_CUSTOMER).block(PATIENCE));
            UUID rolledBack = UUID.randomUUID();
            assertThatThrownBy(() -> transactions.inTransaction(() -> outbox.append(topics.conversationEvents(),
                            List.of(EventEnvelope.of(rolledBack, conversation.id(), null, Instant.now(), Actor.system(),
                                    Audience.users(Set.of()), new EventData.ConversationQueued(conversation.departmentId(), Instant.now(), false))))
                    .then(Mono.error(new IllegalStateException("changed my mind")))).block(PATIENCE))
                    .hasMessageContaining("changed my mind");
            long lastSeq = 0;
            for (int i = 0; i < 20; i++) {
                lastSeq = accepted(sending.send(ALICE_CUSTOMER, new SendMessage(conversation.id(), "m-" + i, "hello " + i,
                        MessageKind.TEXT, null)).block(PATIENCE)).message().seq();
            }
            long last = lastSeq;

            await().atMost(PATIENCE).until(() -> seqsOf(delivered, conversation.id()).contains(last));
            assertThat(seqsOf(delivered, conversation.id())).as("every seq once, in order")
                    .containsExactlyElementsOf(LongStream.rangeClosed(1, last).boxed().toList());
            assertThat(delivered).extracting(EventEnvelope::eventId).doesNotContain(rolledBack);
        } finally {
            subscription.close();
        }
    }

    private static List<Long> seqsOf(List<EventEnvelope> events, UUID conversationId) {
        return events.stream().filter(e -> conversationId.equals(e.conversationId()) && e.seq() != null)
                .map(EventEnvelope::seq).toList();
    }

    @SuppressWarnings("unchecked")
    private static <T> T accepted(Outcome<T> outcome) {
        assertThat(outcome).isInstanceOf(Outcome.Accepted.class);
        return ((Outcome.Accepted<T>) outcome).value();
    }
}
