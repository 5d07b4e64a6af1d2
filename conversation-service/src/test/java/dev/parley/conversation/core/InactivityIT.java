package dev.parley.conversation.core;

import static dev.parley.conversation.fixtures.Cast.ALICE_CUSTOMER;
import static dev.parley.conversation.fixtures.Cast.BOB;
import static dev.parley.conversation.fixtures.Cast.BOB_AGENT;
import static dev.parley.conversation.fixtures.Cast.WORKER;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.conversation.lifecycle.application.ClosingIdleConversations;
import dev.parley.conversation.lifecycle.domain.Conversation;
import dev.parley.conversation.lifecycle.domain.LifecycleCommand;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

/** The inactivity timers, with two sweeps racing as two service instances would. */
class InactivityIT extends CoreTestBase {

    @Autowired
    private ClosingIdleConversations timers;

    @Test
    void twoInstancesSweepingAtOnceMoveEachIdleConversationExactlyOnce() throws Exception {
        List<UUID> quietWaiting = IntStream.range(0, 12).mapToObj(i -> waitingOnAlice()).toList();
        List<UUID> quietResolved = IntStream.range(0, 8).mapToObj(i -> resolved()).toList();
        UUID stillTalking = waitingOnAlice();
        idleFor(quietWaiting, "25 hours");
        idleFor(quietResolved, "73 hours");

        long moved = Flux.merge(timers.sweep().subscribeOn(Schedulers.parallel()), timers.sweep().subscribeOn(Schedulers.parallel()))
                .reduce(0L, Long::sum).block(PATIENCE);

        assertThat(moved).isEqualTo(quietWaiting.size() + quietResolved.size());
        for (UUID id : quietWaiting) {
            assertThat(status(id)).isEqualTo("RESOLVED");
            assertThat(transitionsTo(id, "RESOLVED")).as("resolved once").isEqualTo(1);
            assertThat(number("SELECT count(*) FROM message WHERE conversation_id = ? AND body = 'The conversation was resolved.'", id))
                    .as("one system message").isEqualTo(1);
        }
        for (UUID id : quietResolved) {
            assertThat(status(id)).isEqualTo("CLOSED");
            assertThat(transitionsTo(id, "CLOSED")).as("closed once").isEqualTo(1);
        }
        assertThat(status(stillTalking)).isEqualTo("WAITING_ON_CUSTOMER");
    }

    @Test
    void aSweepWithNothingDueMovesNothing() throws Exception {
        UUID recent = waitingOnAlice();

        assertThat(timers.sweep().block(PATIENCE)).isZero();
        assertThat(column("SELECT status FROM conversation WHERE id = ?", recent)).containsExactly("WAITING_ON_CUSTOMER");
    }

    private UUID waitingOnAlice() {
        Conversation conversation = queuedConversationOf(ALICE_CUSTOMER);
        accepted(apply(WORKER, conversation.id(), new LifecycleCommand.Assign(BOB)));
        return accepted(apply(BOB_AGENT, conversation.id(), new LifecycleCommand.WaitOnCustomer())).id();
    }

    private UUID resolved() {
        UUID id = waitingOnAlice();
        accepted(apply(BOB_AGENT, id, new LifecycleCommand.Resolve()));
        return id;
    }

    private static void idleFor(List<UUID> conversations, String interval) throws Exception {
        try (var connection = database.openConnection();
             var statement = connection.prepareStatement(
                     "UPDATE conversation SET last_activity_at = now() - ?::interval WHERE id = ANY(?)")) {
            statement.setString(1, interval);
            statement.setArray(2, connection.createArrayOf("uuid", conversations.toArray()));
            statement.executeUpdate();
        }
    }

    private static String status(UUID id) throws Exception {
        return column("SELECT status FROM conversation WHERE id = ?", id).get(0);
    }

    private static long transitionsTo(UUID id, String status) throws Exception {
        return number("""
                SELECT count(*) FROM conversation_event
                WHERE conversation_id = ? AND type = 'conversation.status_changed'
                  AND convert_from(payload, 'UTF8') LIKE ?""", id, "%\"to\":\"" + status + "\"%");
    }
}
