package dev.parley.conversation.core;

import static dev.parley.conversation.fixtures.Cast.ALICE_CUSTOMER;
import static dev.parley.conversation.fixtures.Cast.BEA_CUSTOMER;
import static dev.parley.conversation.fixtures.Cast.BOB;
import static dev.parley.conversation.fixtures.Cast.BOB_AGENT;
import static dev.parley.conversation.fixtures.Cast.CAROL;
import static dev.parley.conversation.fixtures.Cast.SUPPORT;
import static dev.parley.conversation.fixtures.Cast.WORKER;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.conversation.fixtures.StoreFixture;
import dev.parley.conversation.lifecycle.domain.Conversation;
import dev.parley.conversation.lifecycle.domain.LifecycleCommand;
import dev.parley.conversation.queue.application.AnnouncingQueuePositions;
import dev.parley.conversation.queue.application.AnnouncingQueuePositions.Position;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Waiting customers learn their place in line and an estimate; the class has its own database. */
class QueuePositionIT extends CoreTestBase {

    @Autowired
    private AnnouncingQueuePositions positions;

    @AfterEach
    void agentsBackOnlineWithRoom() {
        store.setAgentSeats(BOB, "ONLINE", 100);
        store.setAgentSeats(CAROL, "ONLINE", 100);
    }

    /** Issue 15, 8c: "number 19 in line, about 1 min" while every online agent was at capacity. */
    @Test
    void theEstimateIsUnknownWhileEveryOnlineAgentIsAtCapacityOrNoneIsOnline() {
        accepted(apply(WORKER, queuedConversationOf(ALICE_CUSTOMER).id(), new LifecycleCommand.Assign(BOB)));
        accepted(apply(WORKER, queuedConversationOf(BEA_CUSTOMER).id(), new LifecycleCommand.Assign(BOB)));
        Conversation waiting = queuedConversationOf(ALICE_CUSTOMER);
        assertThat(accepted(positions.positionOf(ALICE_CUSTOMER, waiting.id()).block(PATIENCE)).estimatedWaitSeconds())
                .as("free seats for everyone in line: now").isZero();

        store.setAgentSeats(BOB, "ONLINE", -1);
        store.setAgentSeats(CAROL, "ONLINE", -1);
        assertThat(accepted(positions.positionOf(ALICE_CUSTOMER, waiting.id()).block(PATIENCE)).estimatedWaitSeconds())
                .as("every online agent at capacity, though assignments were quick a moment ago").isNull();

        store.setAgentSeats(BOB, "OFFLINE", 100);
        store.setAgentSeats(CAROL, "AWAY", 100);
        assertThat(accepted(positions.positionOf(ALICE_CUSTOMER, waiting.id()).block(PATIENCE)).estimatedWaitSeconds())
                .as("nobody online").isNull();
    }

    @Test
    void customersLearnTheirPlaceAndTheLineMovesUp() {
        Conversation first = queuedConversationOf(ALICE_CUSTOMER);
        Conversation second = queuedConversationOf(BEA_CUSTOMER);
        Conversation third = queuedConversationOf(ALICE_CUSTOMER);

        int firstPlace = accepted(positions.positionOf(ALICE_CUSTOMER, first.id()).block(PATIENCE)).position();
        Position before = accepted(positions.positionOf(ALICE_CUSTOMER, third.id()).block(PATIENCE));
        assertThat(before.position()).isEqualTo(firstPlace + 2);
        assertThat(before.estimatedWaitSeconds()).as("online agents have a seat for everyone in line").isZero();
        assertThat(accepted(positions.positionOf(BOB_AGENT, second.id()).block(PATIENCE)).position()).isEqualTo(firstPlace + 1);
        assertThat(rejectionCode(positions.positionOf(BEA_CUSTOMER, third.id()).block(PATIENCE)))
                .isEqualTo("conversation.not_found");

        accepted(apply(WORKER, first.id(), new LifecycleCommand.Assign(BOB)));
        accepted(apply(WORKER, second.id(), new LifecycleCommand.Assign(BOB)));

        Position after = accepted(positions.positionOf(ALICE_CUSTOMER, third.id()).block(PATIENCE));
        assertThat(after.position()).as("two ahead were assigned").isEqualTo(firstPlace);
        assertThat(after.estimatedWaitSeconds()).as("still a seat for everyone").isZero();
        assertThat(rejectionCode(positions.positionOf(ALICE_CUSTOMER, first.id()).block(PATIENCE)))
                .isEqualTo("conversation.not_queued");
    }

    @Test
    void anAnnouncementSendsEachWaitingCustomerTheirPlaceOnly() {
        Conversation waiting = queuedConversationOf(BEA_CUSTOMER);

        int announced = accepted(positions.announce(WORKER, SUPPORT).block(PATIENCE));

        assertThat(announced).isPositive();
        var payload = store.outbox().stream()
                .filter(entry -> entry.key().equals(waiting.id().toString()) && entry.json().contains("conversation.queue_position"))
                .map(StoreFixture.OutboxEntry::json).toList();
        assertThat(payload).singleElement().asString()
                .contains("\"users\":[\"" + BEA_CUSTOMER.customerId() + "\"]")
                .doesNotContain("\"seq\"");
        assertThat(rejectionCode(positions.announce(BOB_AGENT, SUPPORT).block(PATIENCE))).isEqualTo("conversation.forbidden");
    }
}
