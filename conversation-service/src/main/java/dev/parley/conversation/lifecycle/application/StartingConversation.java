package dev.parley.conversation.lifecycle.application;

import dev.parley.conversation.directory.application.DirectoryStore;
import dev.parley.conversation.identity.domain.Caller;
import dev.parley.conversation.lifecycle.domain.Conversation;
import dev.parley.conversation.lifecycle.domain.ConversationStatus;
import dev.parley.conversation.lifecycle.domain.Participant;
import dev.parley.conversation.lifecycle.domain.SystemMessages;
import dev.parley.conversation.identity.domain.Actors;
import dev.parley.conversation.lifecycle.application.EventRecorder;
import dev.parley.conversation.lifecycle.application.EventRecorder.Happening;
import dev.parley.conversation.shared.application.Transactions;
import dev.parley.conversation.shared.domain.Outcome;
import dev.parley.conversation.shared.domain.UuidV7;
import dev.parley.events.EventData;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import reactor.core.publisher.Mono;

/**
 * A customer opens a conversation in their inbox: with the FAQ bot when the inbox has one,
 * otherwise straight in the queue of the inbox's default department.
 */
public final class StartingConversation {

    public static final String ONLY_CUSTOMERS = "conversation.only_customers_start";

    private final Transactions transactions;
    private final ConversationStore conversations;
    private final ParticipantStore participants;
    private final DirectoryStore directory;
    private final EventRecorder recorder;
    private final Clock clock;

    public StartingConversation(Transactions transactions, ConversationStore conversations,
                                ParticipantStore participants, DirectoryStore directory, EventRecorder recorder,
                                Clock clock) {
        this.transactions = transactions;
        this.conversations = conversations;
        this.participants = participants;
        this.directory = directory;
        this.recorder = recorder;
        this.clock = clock;
    }

    public Mono<Outcome<Conversation>> start(Caller caller) {
        if (!(caller instanceof Caller.Customer customer)) {
            return Mono.just(Outcome.rejected(ONLY_CUSTOMERS, "conversations are started by customers"));
        }
        return transactions.inTransaction(() -> directory.inbox(customer.inboxId()).flatMap(inbox -> {
            Instant now = clock.instant();
            ConversationStatus status = inbox.botEnabled() ? ConversationStatus.BOT : ConversationStatus.QUEUED;
            boolean queued = status == ConversationStatus.QUEUED;
            var conversation = new Conversation(UuidV7.next(now), inbox.id(), customer.customerId(),
                    inbox.defaultDepartmentId(), status, null, 0, queued ? now : null, false, now, now);
            var happenings = new ArrayList<Happening>();
            happenings.add(Happening.visibleToAll(new EventData.ConversationCreated(inbox.id(), customer.customerId(),
                    inbox.defaultDepartmentId(), status.name())));
            if (queued) {
                happenings.add(Happening.visibleToAll(new EventData.ConversationQueued(inbox.defaultDepartmentId(), now, false)));
            }
            happenings.add(Happening.visibleToAll(new EventData.MessageCreated(UuidV7.next(now), null, "SYSTEM", "SYSTEM",
                    SystemMessages.started(status), null, null, now)));
            return conversations.insert(conversation)
                    .then(participants.join(conversation.id(), customer.customerId(), Participant.Role.CUSTOMER, now))
                    .then(recorder.record(conversation, Actors.of(caller), List.copyOf(happenings)))
                    .map(recorded -> Outcome.accepted(conversation.withLastSeq(recorded.lastSeq())));
        }));
    }
}
