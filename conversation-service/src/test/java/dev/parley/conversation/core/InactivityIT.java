package dev.parley.conversation.core;

import static dev.parley.conversation.fixtures.Cast.ALICE_CUSTOMER;
import static dev.parley.conversation.fixtures.Cast.BOB;
import static dev.parley.conversation.fixtures.Cast.BOB_AGENT;
import static dev.parley.conversation.fixtures.Cast.WORKER;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.conversation.lifecycle.application.ClosingIdleConversations;
import dev.parley.conversation.lifecycle.domain.Conversation;
import dev.parley.conversation.lifecycle.domain.LifecycleCommand;
import dev.parley.events.EventData;
import java.time.Duration;
import java.time.Instant;
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
    void twoInstancesSweepingAtOnceMoveEachIdleConversationExactlyOnce() {
        List<UUID> quietWaiting = IntStream.range(0, 12).mapToObj(i -> waitingOnAlice()).toList();
        List<UUID> quietResolved = IntStream.range(0, 8).mapToObj(i -> resolved()).toList();
        UUID stillTalking = waitingOnAlice();
        idleFor(quietWaiting, Duration.ofHours(25));
        idleFor(quietResolved, Duration.ofHours(73));

        long moved = Flux.merge(timers.sweep().subscribeOn(Schedulers.parallel()), timers.sweep().subscribeOn(Schedulers.parallel()))
                .reduce(0L, Long::sum).block(PATIENCE);

        assertThat(moved).isEqualTo(quietWaiting.size() + quietResolved.size());
        for (UUID id : quietWaiting) {
            assertThat(status(id)).isEqualTo("RESOLVED");
            assertThat(transitionsTo(id, "RESOLVED")).as("resolved once").isEqualTo(1);
            assertThat(messages(id)).filteredOn(m -> "The conversation was resolved.".equals(m.body()))
                    .as("one system message").hasSize(1);
        }
        for (UUID id : quietResolved) {
            assertThat(status(id)).isEqualTo("CLOSED");
            assertThat(transitionsTo(id, "CLOSED")).as("closed once").isEqualTo(1);
        }
        assertThat(status(stillTalking)).isEqualTo("WAITING_ON_CUSTOMER");
    }

    @Test
    void aSweepWithNothingDueMovesNothing() {
        UUID recent = waitingOnAlice();

        assertThat(timers.sweep().block(PATIENCE)).isZero();
        assertThat(status(recent)).isEqualTo("WAITING_ON_CUSTOMER");
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

    /** Moves the conversations' last activity back. */
    private void idleFor(List<UUID> ids, Duration quiet) {
        Instant then = Instant.now().minus(quiet);
        ids.forEach(id -> store.setLastActivity(id, then));
    }

    private String status(UUID id) {
        return stored(id).status().name();
    }

    private long transitionsTo(UUID id, String status) {
        return events(id).stream().filter(event -> event.data() instanceof EventData.ConversationStatusChanged changed
                && changed.to().equals(status)).count();
    }
}
