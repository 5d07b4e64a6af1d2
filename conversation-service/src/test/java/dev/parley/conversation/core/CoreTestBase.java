package dev.parley.conversation.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.conversation.directory.application.DirectoryStore;
import dev.parley.conversation.directory.domain.Agent;
import dev.parley.conversation.fixtures.StoreFixture;
import dev.parley.conversation.fixtures.ClassDatabase;
import dev.parley.conversation.identity.domain.Caller;
import dev.parley.conversation.lifecycle.application.ChangingLifecycle;
import dev.parley.conversation.lifecycle.application.ConversationStore;
import dev.parley.conversation.lifecycle.application.ParticipantStore;
import dev.parley.conversation.lifecycle.application.StartingConversation;
import dev.parley.conversation.lifecycle.domain.Participant;
import dev.parley.conversation.lifecycle.domain.Conversation;
import dev.parley.conversation.lifecycle.domain.LifecycleCommand;
import dev.parley.conversation.messaging.application.SendingMessage;
import dev.parley.conversation.messaging.domain.Message;
import dev.parley.conversation.messaging.domain.MessageKind;
import dev.parley.conversation.messaging.domain.SendMessage;
import dev.parley.conversation.reading.application.ConversationQueries;
import dev.parley.conversation.reading.application.EventLog;
import dev.parley.conversation.shared.domain.Outcome;
import dev.parley.events.EventEnvelope;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The conversation use cases with the in-memory event bus (Kafka is not what these tests are
 * about; the outbox rows are), on a PostgreSQL database of the class's own ({@link ClassDatabase}).
 * Tests check state through the ports; {@link StoreFixture} does what no port offers. The cast is
 * seeded once per class.
 */
@ExtendWith(ClassDatabase.class)
@SpringBootTest(properties = {"parley.engine=memory", "parley.conversation.inactivity.enabled=false",
        // what a use case hands to delivery stays in the outbox for the test to read
        "parley.outbox.relay-enabled=false"})
@DirtiesContext
abstract class CoreTestBase {

    protected static final Duration PATIENCE = Duration.ofSeconds(60);
    /** Every event of a conversation fits in one read of the event log. */
    private static final int ALL = 100_000;
    private static boolean seeded;

    @Autowired
    protected StartingConversation starting;
    @Autowired
    protected ChangingLifecycle lifecycle;
    @Autowired
    protected SendingMessage sending;
    @Autowired
    protected ConversationStore conversations;
    @Autowired
    protected ParticipantStore participants;
    @Autowired
    protected DirectoryStore directory;
    @Autowired
    protected EventLog eventLog;
    @Autowired
    protected ConversationQueries queries;
    protected StoreFixture store;

    @BeforeAll
    static void newClass() {
        seeded = false;
    }

    @DynamicPropertySource
    static void pointAtTheStore(DynamicPropertyRegistry registry) {
        ClassDatabase.pointAt(registry);
    }

    @BeforeEach
    void seedTheCastOnce() {
        store = StoreFixture.onClassDatabase();
        if (!seeded) {
            store.seedCast();
            seeded = true;
        }
    }

    protected Conversation start(Caller.Customer customer) {
        return accepted(starting.start(customer).block(PATIENCE));
    }

    protected Conversation queuedConversationOf(Caller.Customer customer) {
        Conversation conversation = start(customer);
        assertThat(conversation.status().name()).isEqualTo("QUEUED");
        return conversation;
    }

    protected Outcome<Conversation> apply(Caller caller, UUID conversationId, LifecycleCommand command) {
        return lifecycle.apply(caller, conversationId, command).block(PATIENCE);
    }

    protected Outcome<SendingMessage.Sent> send(Caller caller, UUID conversationId, String clientMsgId, String body) {
        return sending.send(caller, new SendMessage(conversationId, clientMsgId, body, MessageKind.TEXT, null)).block(PATIENCE);
    }

    protected static <T> T accepted(Outcome<T> outcome) {
        assertThat(outcome).isInstanceOf(Outcome.Accepted.class);
        return ((Outcome.Accepted<T>) outcome).value();
    }

    protected static String rejectionCode(Outcome<?> outcome) {
        assertThat(outcome).isInstanceOf(Outcome.Rejected.class);
        return ((Outcome.Rejected<?>) outcome).rejection().code();
    }

    /** The conversation as stored now. */
    protected Conversation stored(UUID conversationId) {
        return conversations.find(conversationId).block(PATIENCE);
    }

    protected Agent agent(UUID agentId) {
        return directory.agent(agentId).block(PATIENCE);
    }

    /** Every event of the conversation in seq order, notes included. */
    protected List<EventEnvelope> events(UUID conversationId) {
        return eventLog.since(conversationId, 0, ALL, true).collectList().block(PATIENCE);
    }

    protected List<String> eventTypes(UUID conversationId) {
        return events(conversationId).stream().map(EventEnvelope::type).toList();
    }

    /** Every message of the conversation in seq order, notes included. */
    protected List<Message> messages(UUID conversationId) {
        return queries.messages(conversationId, null, 0L, ALL, true).collectList().block(PATIENCE);
    }

    protected List<Participant> participantsOf(UUID conversationId) {
        return participants.all(conversationId).collectList().block(PATIENCE);
    }

    /** The JSON of every outbox event, oldest first. */
    protected List<String> outboxJson() {
        return store.outbox().stream().map(StoreFixture.OutboxEntry::json).toList();
    }
}
