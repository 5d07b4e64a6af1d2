package dev.parley.conversation.core;

import dev.parley.conversation.fixtures.DatabaseProperties;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.conversation.fixtures.Cast;
import dev.parley.conversation.identity.domain.Caller;
import dev.parley.conversation.lifecycle.application.ChangingLifecycle;
import dev.parley.conversation.lifecycle.application.StartingConversation;
import dev.parley.conversation.lifecycle.domain.Conversation;
import dev.parley.conversation.lifecycle.domain.LifecycleCommand;
import dev.parley.conversation.messaging.application.SendingMessage;
import dev.parley.conversation.messaging.domain.MessageKind;
import dev.parley.conversation.messaging.domain.SendMessage;
import dev.parley.conversation.shared.domain.Outcome;
import dev.parley.testsupport.RealInfrastructure;
import dev.parley.testsupport.TestDatabase;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The conversation use cases on a real PostgreSQL with the in-memory event bus (Kafka is not what
 * these tests are about; the outbox rows are). The cast is seeded once per class.
 */
@RealInfrastructure
@SpringBootTest(properties = {"parley.engine=memory", "parley.conversation.inactivity.enabled=false"})
@DirtiesContext
abstract class CoreTestBase {

    protected static final Duration PATIENCE = Duration.ofSeconds(60);
    protected static TestDatabase database;
    private static boolean seeded;

    @Autowired
    protected StartingConversation starting;
    @Autowired
    protected ChangingLifecycle lifecycle;
    @Autowired
    protected SendingMessage sending;

    @BeforeAll
    static void servers(TestDatabase testDatabase) {
        database = testDatabase;
        seeded = false;
    }

    @DynamicPropertySource
    static void pointAtServers(DynamicPropertyRegistry registry) {
        DatabaseProperties.pointAt(registry, () -> database);
    }

    @BeforeEach
    void seedTheCastOnce() throws SQLException {
        if (!seeded) {
            try (var connection = database.openConnection()) {
                Cast.seed(connection);
            }
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

    /** Every row of one column of a query, as strings. */
    protected static List<String> column(String sql, Object... parameters) throws SQLException {
        try (var connection = database.openConnection(); var statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            var values = new ArrayList<String>();
            try (var result = statement.executeQuery()) {
                while (result.next()) {
                    values.add(result.getString(1));
                }
            }
            return values;
        }
    }

    protected static long number(String sql, Object... parameters) throws SQLException {
        return Long.parseLong(column(sql, parameters).get(0));
    }
}
