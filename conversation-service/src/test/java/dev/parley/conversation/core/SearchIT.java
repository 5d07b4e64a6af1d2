package dev.parley.conversation.core;

import static dev.parley.conversation.fixtures.Cast.ADA_ADMIN;
import static dev.parley.conversation.fixtures.Cast.ALICE_CUSTOMER;
import static dev.parley.conversation.fixtures.Cast.BEA_CUSTOMER;
import static dev.parley.conversation.fixtures.Cast.BOB;
import static dev.parley.conversation.fixtures.Cast.BOB_AGENT;
import static dev.parley.conversation.fixtures.Cast.DAN_AGENT;
import static dev.parley.conversation.fixtures.Cast.WORKER;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.conversation.identity.domain.Caller;
import dev.parley.conversation.lifecycle.domain.Conversation;
import dev.parley.conversation.lifecycle.domain.LifecycleCommand;
import dev.parley.conversation.messaging.domain.MessageKind;
import dev.parley.conversation.messaging.domain.SendMessage;
import dev.parley.conversation.search.application.SearchIndex;
import dev.parley.conversation.search.application.SearchQuery;
import dev.parley.conversation.search.application.SearchingConversations;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class SearchIT extends CoreTestBase {

    @Autowired
    private SearchingConversations searching;

    private Conversation refund;
    private Conversation shipping;
    /** A word only this test's messages contain, so other tests' conversations never match. */
    private String word;

    @BeforeEach
    void twoConversations() {
        String word = "zq" + UUID.randomUUID().toString().substring(0, 6);
        refund = queuedConversationOf(ALICE_CUSTOMER);
        accepted(send(ALICE_CUSTOMER, refund.id(), "s-1", "I want a refund for order " + word));
        accepted(apply(WORKER, refund.id(), new LifecycleCommand.Assign(BOB)));
        accepted(sending.send(BOB_AGENT, new SendMessage(refund.id(), "s-note", "suspicious-fraud " + word + " note",
                MessageKind.NOTE, null)).block(PATIENCE));
        shipping = queuedConversationOf(BEA_CUSTOMER);
        accepted(send(BEA_CUSTOMER, shipping.id(), "s-2", "shipping to lisbon " + word));
        this.word = word;
    }

    @Test
    void messageContentFindsConversationsRankedWithASnippet() {
        List<SearchIndex.Hit> hits = search(BOB_AGENT, "refund " + word, null);

        assertThat(hits).extracting(SearchIndex.Hit::conversationId).first().isEqualTo(refund.id());
        assertThat(hits.get(0).snippet()).contains("\uE000refund\uE001");
        assertThat(search(BOB_AGENT, word, null)).extracting(SearchIndex.Hit::conversationId)
                .contains(refund.id(), shipping.id());
        assertThat(search(BOB_AGENT, word, "QUEUED")).extracting(SearchIndex.Hit::conversationId)
                .contains(shipping.id()).doesNotContain(refund.id());
    }

    @Test
    void aCustomerFindsOnlyTheirOwnAndNeverNotes() {
        assertThat(search(ALICE_CUSTOMER, word, null)).extracting(SearchIndex.Hit::conversationId)
                .contains(refund.id()).doesNotContain(shipping.id());
        assertThat(search(ALICE_CUSTOMER, "suspicious-fraud " + word, null))
                .allSatisfy(hit -> assertThat(hit.snippet()).doesNotContain("fraud"));
        assertThat(search(BOB_AGENT, "suspicious-fraud", null)).extracting(SearchIndex.Hit::conversationId).contains(refund.id());
    }

    @Test
    void agentsSearchTheirDepartmentsAndAdminsEverything() {
        assertThat(search(DAN_AGENT, word, null)).isEmpty();
        assertThat(search(ADA_ADMIN, word, null)).extracting(SearchIndex.Hit::conversationId).contains(refund.id(), shipping.id());
        assertThat(search(BOB_AGENT, "Bea", null)).extracting(SearchIndex.Hit::conversationId).contains(shipping.id());
        assertThat(rejectionCode(searching.search(BOB_AGENT, new SearchQuery("", null, null, null, null, null, 0, 20)).block(PATIENCE)))
                .isEqualTo("search.invalid");
        assertThat(rejectionCode(searching.search(WORKER, new SearchQuery(word, null, null, null, null, null, 0, 20)).block(PATIENCE)))
                .isEqualTo("conversation.forbidden");
    }

    private List<SearchIndex.Hit> search(Caller caller, String text, String status) {
        return accepted(searching.search(caller, new SearchQuery(text, status, null, null, null, null, 0, 50)).block(PATIENCE));
    }
}
