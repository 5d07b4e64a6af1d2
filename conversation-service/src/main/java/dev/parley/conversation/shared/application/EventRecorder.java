package dev.parley.conversation.shared.application;

import dev.parley.conversation.lifecycle.application.ParticipantStore;
import dev.parley.conversation.messaging.application.MessageStore;
import dev.parley.conversation.messaging.domain.Message;
import dev.parley.conversation.messaging.domain.MessageAttachment;
import dev.parley.conversation.messaging.domain.MessageKind;
import dev.parley.conversation.outbox.application.Outbox;
import dev.parley.conversation.lifecycle.domain.Conversation;
import dev.parley.conversation.lifecycle.domain.Participant;
import dev.parley.events.Actor;
import dev.parley.events.Audience;
import dev.parley.events.EventData;
import dev.parley.events.EventEnvelope;
import dev.parley.events.Topics;
import dev.parley.conversation.shared.domain.UuidV7;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Turns what happened to a conversation into envelopes: each sequenced event takes the next seq
 * of the conversation, goes to the event log (for resume) and the outbox (for delivery). The
 * audience is the conversation's active participants plus its department's agents; agents-only
 * events (notes) leave the customer out and are marked {@code AGENTS_ONLY}.
 *
 * <p>Every recorded {@code message.created} also becomes its message row, with the event's seq, so
 * the history and the event stream can never disagree.
 *
 * <p>Must run inside the transaction that holds the conversation's row lock, so seqs are handed
 * out gap-free and in commit order. The caller saves the returned {@code lastSeq}.
 */
public final class EventRecorder {

    private final ParticipantStore participants;
    private final EventLog eventLog;
    private final Outbox outbox;
    private final MessageStore messages;
    private final Topics topics;
    private final Clock clock;

    public EventRecorder(ParticipantStore participants, EventLog eventLog, Outbox outbox, MessageStore messages,
                         Topics topics, Clock clock) {
        this.participants = participants;
        this.eventLog = eventLog;
        this.messages = messages;
        this.outbox = outbox;
        this.topics = topics;
        this.clock = clock;
    }

    /** One thing to record. */
    public record Happening(EventData data, boolean agentsOnly) {

        public static Happening visibleToAll(EventData data) {
            return new Happening(data, false);
        }

        public static Happening agentsOnly(EventData data) {
            return new Happening(data, true);
        }
    }

    /** What was recorded: the envelopes and the conversation's new last seq. */
    public record Recorded(List<EventEnvelope> events, long lastSeq) {
    }

    /** Records sequenced events, seqs from {@code conversation.lastSeq() + 1}. */
    public Mono<Recorded> record(Conversation conversation, Actor actor, List<Happening> happenings) {
        if (happenings.isEmpty()) {
            return Mono.just(new Recorded(List.of(), conversation.lastSeq()));
        }
        return audienceOf(conversation).flatMap(everyone -> {
            Instant now = clock.instant();
            long seq = conversation.lastSeq();
            var events = new ArrayList<EventEnvelope>();
            for (Happening happening : happenings) {
                seq++;
                events.add(EventEnvelope.of(UuidV7.next(now), conversation.id(), seq, now, actor,
                        audienceFor(happening, everyone, conversation.customerId()), happening.data()));
            }
            long lastSeq = seq;
            return eventLog.append(events)
                    .then(Flux.fromIterable(events).concatMap(this::messageRowOf).then())
                    .then(outbox.append(topics.conversationEvents(), events))
                    .thenReturn(new Recorded(List.copyOf(events), lastSeq));
        });
    }

    /** Records an event without a seq (latest-wins state such as read watermarks): outbox only. */
    public Mono<EventEnvelope> recordUnsequenced(Conversation conversation, Actor actor, EventData data) {
        return audienceOf(conversation).flatMap(everyone -> {
            Instant now = clock.instant();
            var event = EventEnvelope.of(UuidV7.next(now), conversation.id(), null, now, actor,
                    audienceFor(Happening.visibleToAll(data), everyone, conversation.customerId()), data);
            return outbox.append(topics.conversationEvents(), List.of(event)).thenReturn(event);
        });
    }

    private Mono<Void> messageRowOf(EventEnvelope event) {
        if (!(event.data() instanceof EventData.MessageCreated created)) {
            return Mono.empty();
        }
        return messages.insert(new Message(created.messageId(), event.conversationId(), event.seq(),
                created.senderId(), Message.SenderKind.valueOf(created.senderKind()), MessageKind.valueOf(created.kind()),
                created.body(), created.replyTo(), created.clientMsgId(), created.createdAt(), null, null,
                created.quickReplies(), created.attachments() == null ? null : created.attachments().stream()
                        .map(file -> new MessageAttachment(file.id(), file.name(), file.contentType(), file.size(),
                                file.width(), file.height()))
                        .toList()));
    }

    private Mono<Audience> audienceOf(Conversation conversation) {
        return participants.all(conversation.id())
                .filter(Participant::isActive)
                .map(Participant::userId)
                .collect(LinkedHashSet<UUID>::new, Set::add)
                .map(users -> {
                    users.add(conversation.customerId());
                    return Audience.users(users).withNamed(Audience.department(conversation.departmentId()));
                });
    }

    private static Audience audienceFor(Happening happening, Audience everyone, UUID customerId) {
        if (!happening.agentsOnly()) {
            return everyone;
        }
        var agents = new LinkedHashSet<>(everyone.users());
        agents.remove(customerId);
        return new Audience(agents, everyone.named(), Audience.Visibility.AGENTS_ONLY);
    }
}
