package dev.parley.conversation.core;

import static dev.parley.conversation.fixtures.Cast.ADA_ADMIN;
import static dev.parley.conversation.fixtures.Cast.ALICE_CUSTOMER;
import static dev.parley.conversation.fixtures.Cast.BOB;
import static dev.parley.conversation.fixtures.Cast.BOB_AGENT;
import static dev.parley.conversation.fixtures.Cast.CAROL_AGENT;
import static dev.parley.conversation.fixtures.Cast.SUPPORT;
import static dev.parley.conversation.fixtures.Cast.WORKER;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.conversation.canned.application.UsingCannedReplies;
import dev.parley.conversation.canned.domain.CannedReply;
import dev.parley.conversation.lifecycle.domain.Conversation;
import dev.parley.conversation.lifecycle.domain.LifecycleCommand;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class CannedRepliesIT extends CoreTestBase {

    @Autowired
    private UsingCannedReplies canned;

    @Test
    void aShortcutRendersWithTheConversationsValuesPersonalBeforeTeam() {
        Conversation conversation = queuedConversationOf(ALICE_CUSTOMER);
        accepted(apply(WORKER, conversation.id(), new LifecycleCommand.Assign(BOB)));
        store.setCustomerMetadata(ALICE_CUSTOMER.customerId(), Map.of("plan", "Gold"));
        accepted(canned.create(ADA_ADMIN, "/greet", "Hello {customer.name}, how can we help?", true, SUPPORT).block(PATIENCE));
        accepted(canned.create(BOB_AGENT, "greet", "Hi {customer.name}! {agent.name} here, on your {customer.plan} plan.", false, null)
                .block(PATIENCE));

        assertThat(accepted(canned.render(BOB_AGENT, conversation.id(), "/greet").block(PATIENCE)))
                .isEqualTo("Hi Alice! Bob here, on your Gold plan.");
        assertThat(accepted(canned.render(CAROL_AGENT, conversation.id(), "greet").block(PATIENCE)))
                .as("carol has no personal /greet; her department's applies").isEqualTo("Hello Alice, how can we help?");
        assertThat(accepted(canned.available(CAROL_AGENT, "/gr").block(PATIENCE)))
                .extracting(CannedReply::body).containsExactly("Hello {customer.name}, how can we help?");
    }

    @Test
    void refusalsNameWhatIsWrong() {
        Conversation conversation = queuedConversationOf(ALICE_CUSTOMER);
        accepted(canned.create(BOB_AGENT, "vip", "Your level: {customer.vip_level}", false, null).block(PATIENCE));

        assertThat(rejectionCode(canned.render(BOB_AGENT, conversation.id(), "vip").block(PATIENCE)))
                .isEqualTo("canned.unknown_variable");
        assertThat(rejectionCode(canned.render(BOB_AGENT, conversation.id(), "nope").block(PATIENCE)))
                .isEqualTo("canned.not_found");
        assertThat(rejectionCode(canned.create(BOB_AGENT, "team-one", "x", true, SUPPORT).block(PATIENCE)))
                .isEqualTo("directory.admin_only");
        assertThat(rejectionCode(canned.create(BOB_AGENT, "vip", "again", false, null).block(PATIENCE)))
                .isEqualTo("canned.invalid");
        assertThat(rejectionCode(canned.render(ALICE_CUSTOMER, conversation.id(), "vip").block(PATIENCE)))
                .isEqualTo("canned.agents_only");
    }
}
