package dev.parley.conversation.core;

import static dev.parley.conversation.fixtures.Cast.ADA_ADMIN;
import static dev.parley.conversation.fixtures.Cast.ALICE_CUSTOMER;
import static dev.parley.conversation.fixtures.Cast.BEA_CUSTOMER;
import static dev.parley.conversation.fixtures.Cast.BOB_AGENT;
import static dev.parley.conversation.fixtures.Cast.CAROL_AGENT;
import static dev.parley.conversation.fixtures.Cast.DAN_AGENT;
import static dev.parley.conversation.fixtures.Cast.ERIN_CUSTOMER;
import static dev.parley.conversation.fixtures.Cast.WORKER;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.conversation.identity.domain.Caller;
import dev.parley.conversation.lifecycle.domain.Conversation;
import dev.parley.conversation.lifecycle.domain.LifecycleCommand;
import dev.parley.conversation.reading.application.ReadingConversations;
import dev.parley.conversation.shared.domain.Outcome;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Who reaches Alice's conversation (acme inbox, support department), checked for reading,
 * writing and lifecycle commands alike: the same answer on every path.
 */
class AccessIT extends CoreTestBase {

    @Autowired
    private ReadingConversations reading;

    private Conversation alices;

    @BeforeEach
    void alicesConversation() {
        alices = queuedConversationOf(ALICE_CUSTOMER);
    }

    static Stream<Arguments> callers() {
        return Stream.of(
                Arguments.of("alice, its customer", ALICE_CUSTOMER, "allowed"),
                Arguments.of("bea, another customer of the same inbox", BEA_CUSTOMER, "conversation.not_found"),
                Arguments.of("erin, a customer of another inbox", ERIN_CUSTOMER, "conversation.not_found"),
                Arguments.of("bob, an agent of its department", BOB_AGENT, "allowed"),
                Arguments.of("carol, another agent of its department", CAROL_AGENT, "allowed"),
                Arguments.of("dan, an agent of another department", DAN_AGENT, "conversation.forbidden"),
                Arguments.of("ada, an admin", ADA_ADMIN, "allowed"),
                Arguments.of("the assignment worker", WORKER, "allowed"));
    }

    @ParameterizedTest(name = "{0}: {2}")
    @MethodSource("callers")
    void theSameAnswerWhetherReadingWritingOrMoving(String who, Caller caller, String expected) {
        assertThat(answer(reading.detail(caller, alices.id()).block(PATIENCE))).as("detail").isEqualTo(expected);
        assertThat(answer(reading.history(caller, alices.id(), null, null, 10).block(PATIENCE))).as("history").isEqualTo(expected);
        assertThat(answer(reading.eventsSince(caller, alices.id(), 0, 10).block(PATIENCE))).as("events").isEqualTo(expected);
        if (!expected.equals("allowed")) {
            assertThat(answer(send(caller, alices.id(), "intruder", "hello"))).as("send").isEqualTo(expected);
            assertThat(answer(apply(caller, alices.id(), new LifecycleCommand.Resolve()))).as("resolve").isEqualTo(expected);
        }
    }

    @ParameterizedTest(name = "{0} may not {1}")
    @MethodSource("wrongRoles")
    void commandsOfAnotherRoleAreRefused(String who, String what, Caller caller, LifecycleCommand command) {
        assertThat(answer(apply(caller, alices.id(), command))).isEqualTo("conversation.action_not_allowed");
        assertThat(answer(reading.detail(ALICE_CUSTOMER, alices.id()).block(PATIENCE))).isEqualTo("allowed");
    }

    static Stream<Arguments> wrongRoles() {
        return Stream.of(
                Arguments.of("alice", "assign", ALICE_CUSTOMER, new LifecycleCommand.Assign(BOB_AGENT.agentId())),
                Arguments.of("alice", "accept", ALICE_CUSTOMER, new LifecycleCommand.Accept()),
                Arguments.of("alice", "close", ALICE_CUSTOMER, new LifecycleCommand.Close()),
                Arguments.of("bob", "talk to an agent for her", BOB_AGENT, new LifecycleCommand.TalkToAgent()),
                Arguments.of("bob", "assign (the worker's job)", BOB_AGENT, new LifecycleCommand.Assign(BOB_AGENT.agentId())));
    }

    private static String answer(Outcome<?> outcome) {
        return outcome instanceof Outcome.Rejected<?> rejected ? rejected.rejection().code() : "allowed";
    }
}
