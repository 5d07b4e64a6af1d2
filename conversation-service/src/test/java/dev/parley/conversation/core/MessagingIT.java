package dev.parley.conversation.core;

import static dev.parley.conversation.fixtures.Cast.ALICE;
import static dev.parley.conversation.fixtures.Cast.ALICE_CUSTOMER;
import static dev.parley.conversation.fixtures.Cast.BOB;
import static dev.parley.conversation.fixtures.Cast.BOB_AGENT;
import static dev.parley.conversation.fixtures.Cast.CAROL_AGENT;
import static dev.parley.conversation.fixtures.Cast.WORKER;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.conversation.lifecycle.domain.Conversation;
import dev.parley.conversation.lifecycle.domain.LifecycleCommand;
import dev.parley.conversation.lifecycle.domain.Participant;
import dev.parley.conversation.messaging.application.ChangingMessage;
import dev.parley.conversation.messaging.application.MarkingRead;
import dev.parley.conversation.messaging.application.Reacting;
import dev.parley.conversation.messaging.domain.Message;
import dev.parley.conversation.messaging.domain.MessageKind;
import dev.parley.conversation.messaging.domain.SendMessage;
import dev.parley.conversation.reading.application.ConversationQueries;
import dev.parley.conversation.reading.application.ReadingConversations;
import dev.parley.events.EventEnvelope;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class MessagingIT extends CoreTestBase {

    @Autowired
    private ChangingMessage changing;
    @Autowired
    private Reacting reacting;
    @Autowired
    private MarkingRead marking;
    @Autowired
    private ReadingConversations reading;

    @Test
    void aPrivateNoteIsAgentsOnlyEverywhereAndInvisibleToTheCustomer() {
        Conversation conversation = activeWithBob();
        Message note = accepted(sending.send(BOB_AGENT, new SendMessage(conversation.id(), "note-1", "VIP, be nice",
                MessageKind.NOTE, null)).block(PATIENCE)).message();

        assertThat(events(conversation.id())).filteredOn(event -> event.seq() == note.seq()).singleElement()
                .satisfies(event -> assertThat(event.audience().agentsOnly()).isTrue());
        var customerEvents = accepted(reading.eventsSince(ALICE_CUSTOMER, conversation.id(), 0, 200).block(PATIENCE));
        assertThat(customerEvents.events()).extracting(EventEnvelope::seq).doesNotContain(note.seq());
        assertThat(customerEvents.throughSeq()).isGreaterThanOrEqualTo(note.seq());
        assertThat(accepted(reading.history(ALICE_CUSTOMER, conversation.id(), null, null, 50).block(PATIENCE)).messages())
                .extracting(Message::id).doesNotContain(note.id());
        assertThat(accepted(reading.history(BOB_AGENT, conversation.id(), null, null, 50).block(PATIENCE)).messages())
                .extracting(Message::id).contains(note.id());
        assertThat(rejectionCode(reacting.react(ALICE_CUSTOMER, conversation.id(), note.id(), "👍", true).block(PATIENCE)))
                .isEqualTo("message.not_found");
        assertThat(rejectionCode(sending.send(ALICE_CUSTOMER, new SendMessage(conversation.id(), "sneaky", "hi",
                MessageKind.NOTE, null)).block(PATIENCE))).isEqualTo("message.kind_not_allowed");
    }

    @Test
    void onlyTheAuthorEditsWithinTheWindowAndADeleteKeepsTheSeat() {
        Conversation conversation = activeWithBob();
        Message original = accepted(send(ALICE_CUSTOMER, conversation.id(), "typo", "Helo")).message();

        Message edited = accepted(changing.edit(ALICE_CUSTOMER, conversation.id(), original.id(), "Hello").block(PATIENCE));
        assertThat(edited.body()).isEqualTo("Hello");
        assertThat(edited.editedAt()).isNotNull();
        assertThat(rejectionCode(changing.edit(BOB_AGENT, conversation.id(), original.id(), "Hacked").block(PATIENCE)))
                .isEqualTo("message.not_author");

        Message deleted = accepted(changing.delete(ALICE_CUSTOMER, conversation.id(), original.id()).block(PATIENCE));
        assertThat(deleted.isDeleted()).isTrue();
        assertThat(messages(conversation.id())).filteredOn(m -> m.id().equals(original.id())).singleElement()
                .satisfies(gone -> {
                    assertThat(gone.body()).isNull();
                    assertThat(gone.seq()).isEqualTo(original.seq());
                });
        assertThat(rejectionCode(changing.edit(ALICE_CUSTOMER, conversation.id(), original.id(), "again").block(PATIENCE)))
                .isEqualTo("message.deleted");
    }

    @Test
    void aReactionIsOnePerUserAndEmojiAndRepeatingItRecordsNothing() {
        Conversation conversation = activeWithBob();
        Message message = accepted(send(ALICE_CUSTOMER, conversation.id(), "react-to-me", "Thanks!")).message();

        assertThat(accepted(reacting.react(BOB_AGENT, conversation.id(), message.id(), "👍", true).block(PATIENCE))).isTrue();
        assertThat(accepted(reacting.react(BOB_AGENT, conversation.id(), message.id(), "👍", true).block(PATIENCE))).isFalse();
        assertThat(accepted(reacting.react(ALICE_CUSTOMER, conversation.id(), message.id(), "👍", true).block(PATIENCE))).isTrue();

        assertThat(queries.reactions(List.of(message.id()), true).collectList().block(PATIENCE))
                .flatExtracting(ConversationQueries.ReactionCount::userIds).hasSize(2);
        assertThat(eventTypes(conversation.id())).filteredOn("reaction.added"::equals).hasSize(2);
        var page = accepted(reading.history(ALICE_CUSTOMER, conversation.id(), null, null, 50).block(PATIENCE));
        assertThat(page.reactions()).singleElement().satisfies(reaction ->
                assertThat(reaction.userIds()).containsExactly(BOB, ALICE));
        assertThat(rejectionCode(reacting.react(BOB_AGENT, conversation.id(), message.id(), "not an emoji", true)
                .block(PATIENCE))).isEqualTo("reaction.invalid_emoji");
    }

    @Test
    void readWatermarksOnlyMoveForwardAndCarryNoSeq() {
        Conversation conversation = activeWithBob();
        accepted(send(ALICE_CUSTOMER, conversation.id(), "read-1", "One"));
        long last = accepted(send(ALICE_CUSTOMER, conversation.id(), "read-2", "Two")).message().seq();

        Participant first = accepted(marking.mark(BOB_AGENT, conversation.id(), last, last).block(PATIENCE));
        Participant later = accepted(marking.mark(BOB_AGENT, conversation.id(), 1, 1).block(PATIENCE));

        assertThat(first.lastReadSeq()).isEqualTo(last);
        assertThat(later.lastReadSeq()).as("a late, older report changes nothing").isEqualTo(last);
        assertThat(rejectionCode(marking.mark(BOB_AGENT, conversation.id(), last + 100, last + 100).block(PATIENCE)))
                .isEqualTo("read.seq_out_of_range");
        assertThat(outboxJson()).filteredOn(json -> json.matches("(?s).*\"type\":\"read\\.updated\".*"
                + conversation.id() + ".*")).isNotEmpty();
        assertThat(eventTypes(conversation.id())).doesNotContain("read.updated");
        assertThat(rejectionCode(marking.mark(CAROL_AGENT, conversation.id(), 1, 1).block(PATIENCE)))
                .isEqualTo("read.not_participant");
    }

    @Test
    void anInvalidMessageIsRefusedAndWritesNothing() {
        Conversation conversation = activeWithBob();
        long lastSeq = stored(conversation.id()).lastSeq();

        assertThat(rejectionCode(send(ALICE_CUSTOMER, conversation.id(), "long", "x".repeat(4001))))
                .isEqualTo("message.too_long");
        assertThat(rejectionCode(send(ALICE_CUSTOMER, conversation.id(), "surrogate", "bad \uD83D text")))
                .isEqualTo("message.invalid_text");
        assertThat(rejectionCode(send(ALICE_CUSTOMER, conversation.id(), "", "no id"))).isEqualTo("message.client_msg_id_invalid");
        assertThat(accepted(send(ALICE_CUSTOMER, conversation.id(), "emoji", "👋".repeat(4000))).message().body())
                .as("4,000 emoji are 4,000 characters").hasSize(8000);
        assertThat(stored(conversation.id()).lastSeq()).isEqualTo(lastSeq + 1);
    }

    private Conversation activeWithBob() {
        Conversation conversation = queuedConversationOf(ALICE_CUSTOMER);
        return accepted(apply(WORKER, conversation.id(), new LifecycleCommand.Assign(BOB)));
    }
}
