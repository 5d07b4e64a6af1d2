package dev.parley.conversation.messaging.application;

import dev.parley.conversation.faq.application.AnsweringWithFaq;
import dev.parley.conversation.identity.domain.Actors;
import dev.parley.conversation.identity.domain.Caller;
import dev.parley.conversation.lifecycle.application.AccessPolicy;
import dev.parley.conversation.lifecycle.application.ConversationSnapshots;
import dev.parley.conversation.lifecycle.application.ConversationStore;
import dev.parley.conversation.lifecycle.application.EventRecorder;
import dev.parley.conversation.lifecycle.application.EventRecorder.Attempt;
import dev.parley.conversation.lifecycle.application.EventRecorder.Happening;
import dev.parley.conversation.lifecycle.application.MovingConversation;
import dev.parley.conversation.lifecycle.application.ParticipantStore;
import dev.parley.conversation.lifecycle.domain.Conversation;
import dev.parley.conversation.lifecycle.domain.ConversationSnapshot;
import dev.parley.conversation.lifecycle.domain.ConversationStatus;
import dev.parley.conversation.lifecycle.domain.Lifecycle;
import dev.parley.conversation.lifecycle.domain.LifecycleAction;
import dev.parley.conversation.lifecycle.domain.LifecycleCommand;
import dev.parley.conversation.lifecycle.domain.Participant;
import dev.parley.conversation.lifecycle.domain.Transition;
import dev.parley.conversation.messaging.domain.Message;
import dev.parley.conversation.messaging.domain.MessageAttachment;
import dev.parley.conversation.messaging.domain.MessageKind;
import dev.parley.conversation.messaging.domain.MessageText;
import dev.parley.conversation.messaging.domain.SendMessage;
import dev.parley.conversation.reports.application.SupportMeters;
import dev.parley.conversation.shared.application.Transactions;
import dev.parley.conversation.shared.domain.Outcome;
import dev.parley.conversation.shared.domain.Rejection;
import dev.parley.conversation.shared.domain.UuidV7;
import dev.parley.events.Actor;
import dev.parley.events.EventData;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import reactor.core.publisher.Mono;

/**
 * Appends a message. The sender is acknowledged only after the commit, so an acknowledged message
 * is durable; a retry with the same client message id returns the original. There are two ways in,
 * deciding the same things:
 *
 * <ul>
 *   <li><b>At once</b>, for a message that changes nothing but the conversation's history (a
 *       customer writing to a queued or active conversation, a participating agent writing to an
 *       open one; no files, no reply-to): decided on the conversation's snapshot and saved in one
 *       guarded write, so the append is one statement and one round trip. A stale snapshot fails
 *       the guard and the message goes the locked way.</li>
 *   <li><b>Locked</b>, for everything else: one transaction locks the conversation, checks, moves
 *       the lifecycle when a customer replies (waiting ends, a resolved conversation reopens),
 *       claims files, lets the bot answer, and records. Files are claimed in it, so a file belongs
 *       to one message at most.</li>
 * </ul>
 */
public final class SendingMessage {

    public static final String KIND_NOT_ALLOWED = "message.kind_not_allowed";
    public static final String CLIENT_MSG_ID = "message.client_msg_id_invalid";
    public static final String REPLY_TO_NOT_FOUND = "message.reply_to_not_found";
    public static final String NOT_OPEN = "conversation.not_open";
    /** Long enough for any UUID or ULID a client may use, short enough to index. */
    private static final int MAX_CLIENT_MSG_ID_LENGTH = 100;

    private final Transactions transactions;
    private final ConversationStore conversations;
    private final ConversationSnapshots snapshots;
    private final ParticipantStore participants;
    private final MessageStore messages;
    private final AccessPolicy access;
    private final Lifecycle lifecycle;
    private final MovingConversation moving;
    private final EventRecorder recorder;
    private final MessageText text;
    private final AnsweringWithFaq bot;
    private final SupportMeters meters;
    private final MessageAttachments attachments;
    private final Clock clock;

    public SendingMessage(Transactions transactions, ConversationStore conversations, ConversationSnapshots snapshots,
                          ParticipantStore participants, MessageStore messages, AccessPolicy access, Lifecycle lifecycle,
                          MovingConversation moving, EventRecorder recorder, MessageText text, AnsweringWithFaq bot,
                          SupportMeters meters, MessageAttachments attachments, Clock clock) {
        this.transactions = transactions;
        this.conversations = conversations;
        this.snapshots = snapshots;
        this.participants = participants;
        this.messages = messages;
        this.access = access;
        this.lifecycle = lifecycle;
        this.moving = moving;
        this.recorder = recorder;
        this.text = text;
        this.bot = bot;
        this.meters = meters;
        this.attachments = attachments;
        this.clock = clock;
    }

    /** The message as stored, and whether this was a retry of one already sent. */
    public record Sent(Message message, boolean duplicate) {
    }

    public Mono<Outcome<Sent>> send(Caller caller, SendMessage command) {
        var refusal = validate(caller, command);
        if (refusal != null) {
            return Mono.just(Outcome.rejected(refusal));
        }
        UUID senderId = senderOf(caller);
        return snapshots.get(command.conversationId())
                .flatMap(snapshot -> changesOnlyHistory(caller, senderId, command, snapshot)
                        ? appendAtOnce(caller, senderId, command, snapshot)
                        : appendLocked(caller, senderId, command))
                .defaultIfEmpty(Outcome.rejected(AccessPolicy.notFound()));
    }

    /**
     * Whether the message needs nothing but to be recorded: the caller may write here (checked on
     * the snapshot, without the directory), the lifecycle stays, nobody joins, the bot stays quiet,
     * and no file or replied-to message needs looking at under the lock.
     */
    private boolean changesOnlyHistory(Caller caller, UUID senderId, SendMessage command, ConversationSnapshot snapshot) {
        if (command.hasAttachments() || command.replyTo() != null) {
            return false;
        }
        ConversationStatus status = snapshot.conversation().status();
        if (caller instanceof Caller.Customer) {
            return access.ownConversation(caller, snapshot.conversation())
                    && status != ConversationStatus.BOT
                    && lifecycle.decide(status, LifecycleAction.CUSTOMER_REPLIED) instanceof Transition.Stay;
        }
        return snapshot.isActiveParticipant(senderId) && writable(command.kind(), status);
    }

    private Mono<Outcome<Sent>> appendAtOnce(Caller caller, UUID senderId, SendMessage command, ConversationSnapshot snapshot) {
        Instant now = clock.instant();
        Conversation conversation = snapshot.conversation();
        var created = created(caller, senderId, command, List.of(), now);
        boolean firstReply = firstReply(caller, command) && !snapshot.answered();
        return recorder.tryRecord(conversation, snapshot.active(), Actors.of(caller),
                        List.of(new Happening(created, command.kind().agentsOnly())))
                .flatMap(attempt -> {
                    if (attempt instanceof Attempt.Saved saved) {
                        long seq = saved.recorded().lastSeq();
                        snapshots.saved(snapshot.advancedTo(conversation.withLastSeq(seq), firstReply));
                        if (firstReply) {
                            meters.firstResponse(conversation.departmentId(), conversation.inboxId(),
                                    Duration.between(waitingSince(conversation), now));
                        }
                        return Mono.just(Outcome.accepted(new Sent(message(caller, conversation, seq, created, command, List.of()), false)));
                    }
                    if (attempt instanceof Attempt.DuplicateMessage) {
                        return messages.findByClientMsgId(conversation.id(), senderId, command.clientMsgId())
                                .map(existing -> Outcome.accepted(new Sent(existing, true)));
                    }
                    snapshots.forget(conversation.id());
                    return appendLocked(caller, senderId, command);
                });
    }

    private Mono<Outcome<Sent>> appendLocked(Caller caller, UUID senderId, SendMessage command) {
        return transactions.inTransaction(() -> conversations.lock(command.conversationId())
                        .flatMap(conversation -> access.check(caller, conversation).flatMap(denied -> denied.isPresent()
                                ? Mono.just(Outcome.<Sent>rejected(denied.get()))
                                : messages.findByClientMsgId(conversation.id(), senderId, command.clientMsgId())
                                        .map(existing -> Outcome.accepted(new Sent(existing, true)))
                                        .switchIfEmpty(Mono.defer(() -> append(caller, senderId, conversation, command)))))
                        .defaultIfEmpty(Outcome.rejected(AccessPolicy.notFound())))
                .doFinally(signal -> snapshots.forget(command.conversationId()));
    }

    private Mono<Outcome<Sent>> append(Caller caller, UUID senderId, Conversation conversation, SendMessage command) {
        return replyToCheck(caller, conversation, command).flatMap(replyRefusal -> replyRefusal.isPresent()
                ? Mono.just(Outcome.<Sent>rejected(replyRefusal.get()))
                : attachments.claimable(conversation.id(), senderId, command.attachmentIds()).flatMap(claim -> {
                    if (!(claim instanceof Outcome.Accepted<List<MessageAttachment>> files)) {
                        return Mono.just(claim.map(none -> (Sent) null));
                    }
                    return lifecycleFor(caller, conversation, command).flatMap(outcome -> {
                        if (!(outcome instanceof Outcome.Accepted<MovingConversation.Moved> accepted)) {
                            return Mono.just(outcome.map(moved -> (Sent) null));
                        }
                        return record(caller, senderId, accepted.value(), command, files.value());
                    });
                }));
    }

    private Mono<Outcome<Sent>> record(Caller caller, UUID senderId, MovingConversation.Moved moved, SendMessage command,
                                       List<MessageAttachment> files) {
        Instant now = clock.instant();
        Conversation conversation = moved.conversation();
        var happenings = new ArrayList<>(moved.happenings());
        var created = created(caller, senderId, command, files, now);
        Mono<Void> beforeRecording = Mono.empty();
        if (firstReply(caller, command)) {
            beforeRecording = messages.hasAgentText(conversation.id()).doOnNext(answeredBefore -> {
                if (!answeredBefore) {
                    meters.firstResponse(conversation.departmentId(), conversation.inboxId(),
                            Duration.between(waitingSince(conversation), now));
                }
            }).then();
        }
        if (caller instanceof Caller.Agent) {
            beforeRecording = beforeRecording.then(participants.join(conversation.id(), senderId, Participant.Role.AGENT, now).doOnNext(joined -> {
                if (joined) {
                    happenings.add(Happening.visibleToAll(new EventData.ParticipantJoined(senderId, Participant.Role.AGENT.name())));
                }
            }).then());
        }
        return beforeRecording.then(Mono.defer(() -> {
            happenings.add(new Happening(created, command.kind().agentsOnly()));
            return recorder.record(conversation, moved.resolvedAt(), moved.closedAt(), Actors.of(caller), List.copyOf(happenings))
                    .flatMap(recorded -> attachments.attach(command.attachmentIds(), created.messageId()).thenReturn(recorded));
        })).flatMap(recorded -> {
            long seq = recorded.lastSeq();
            Conversation afterMessage = conversation.withLastSeq(seq);
            return botAnswer(caller, afterMessage, created.body(), now)
                    .thenReturn(Outcome.accepted(new Sent(message(caller, conversation, seq, created, command, files), false)));
        });
    }

    /**
     * While the conversation is with the bot, the bot answers a customer's message in the same
     * transaction, with the next seq.
     */
    private Mono<Void> botAnswer(Caller caller, Conversation conversation, String text, Instant now) {
        if (!(caller instanceof Caller.Customer) || text.isBlank()) {
            return Mono.empty();
        }
        return bot.replyTo(conversation, text).flatMap(reply -> reply.isEmpty()
                ? Mono.empty()
                : recorder.record(conversation, Actor.bot(conversation.inboxId()), List.of(Happening.visibleToAll(
                                new EventData.MessageCreated(UuidV7.next(now), null, "BOT", "BOT", reply.get().text(),
                                        null, null, now, reply.get().quickReplies()))))
                        .then());
    }

    /** A customer's message may move the conversation; an agent's needs it open (notes: not closed). */
    private Mono<Outcome<MovingConversation.Moved>> lifecycleFor(Caller caller, Conversation conversation, SendMessage command) {
        if (caller instanceof Caller.Customer) {
            return moving.move(caller, conversation, new LifecycleCommand.CustomerReplied());
        }
        if (!writable(command.kind(), conversation.status())) {
            return Mono.just(Outcome.rejected(NOT_OPEN, "reopen the conversation before writing to the customer"));
        }
        return Mono.just(Outcome.accepted(new MovingConversation.Moved(conversation, List.of(), null, null)));
    }

    private static boolean writable(MessageKind kind, ConversationStatus status) {
        return kind == MessageKind.NOTE ? status != ConversationStatus.CLOSED : status.isOpen();
    }

    private Mono<Optional<Rejection>> replyToCheck(Caller caller, Conversation conversation, SendMessage command) {
        if (command.replyTo() == null) {
            return Mono.just(Optional.empty());
        }
        return messages.find(conversation.id(), command.replyTo())
                .filter(original -> !(caller instanceof Caller.Customer) || !original.kind().agentsOnly())
                .map(original -> Optional.<Rejection>empty())
                .defaultIfEmpty(Optional.of(Rejection.invalid(REPLY_TO_NOT_FOUND, "replyTo",
                        "the message replied to is not in this conversation")));
    }

    private Rejection validate(Caller caller, SendMessage command) {
        if (caller instanceof Caller.Service) {
            return Rejection.of(KIND_NOT_ALLOWED, "services do not write messages");
        }
        if (command.kind() == null || command.kind() == MessageKind.SYSTEM || command.kind() == MessageKind.BOT
                || (command.kind() == MessageKind.NOTE && !(caller instanceof Caller.Agent))) {
            return Rejection.invalid(KIND_NOT_ALLOWED, "kind", "you may send TEXT" + (caller instanceof Caller.Agent ? " or NOTE" : ""));
        }
        String id = command.clientMsgId();
        if (id == null || id.isBlank() || id.length() > MAX_CLIENT_MSG_ID_LENGTH) {
            return Rejection.invalid(CLIENT_MSG_ID, "clientMsgId",
                    "a client message id of 1 to " + MAX_CLIENT_MSG_ID_LENGTH + " characters is required");
        }
        if (command.hasAttachments() && (command.body() == null || command.body().isBlank())) {
            return null;
        }
        return text.check(command.body()) instanceof Outcome.Rejected<String> rejected ? rejected.rejection() : null;
    }

    private static boolean firstReply(Caller caller, SendMessage command) {
        return caller instanceof Caller.Agent && command.kind() == MessageKind.TEXT;
    }

    private static Instant waitingSince(Conversation conversation) {
        return conversation.queuedAt() != null ? conversation.queuedAt() : conversation.createdAt();
    }

    private static EventData.MessageCreated created(Caller caller, UUID senderId, SendMessage command,
                                                    List<MessageAttachment> files, Instant now) {
        return new EventData.MessageCreated(UuidV7.next(now), senderId, senderKindOf(caller).name(),
                command.kind().name(), bodyOf(command), command.replyTo(), command.clientMsgId(), now, null,
                files.stream().map(SendingMessage::carried).toList());
    }

    private static Message message(Caller caller, Conversation conversation, long seq, EventData.MessageCreated created,
                                   SendMessage command, List<MessageAttachment> files) {
        return new Message(created.messageId(), conversation.id(), seq, created.senderId(), senderKindOf(caller),
                command.kind(), created.body(), command.replyTo(), command.clientMsgId(), created.createdAt(), null, null,
                null, files);
    }

    /** A message of files alone has an empty body. */
    private static String bodyOf(SendMessage command) {
        return command.body() == null || command.body().isBlank() ? "" : command.body();
    }

    private static EventData.MessageCreated.Attachment carried(MessageAttachment file) {
        return new EventData.MessageCreated.Attachment(file.id(), file.name(), file.contentType(), file.size(),
                file.width(), file.height());
    }

    private static UUID senderOf(Caller caller) {
        if (caller instanceof Caller.Customer customer) {
            return customer.customerId();
        }
        return caller instanceof Caller.Agent agent ? agent.agentId() : null;
    }

    private static Message.SenderKind senderKindOf(Caller caller) {
        return caller instanceof Caller.Customer ? Message.SenderKind.CUSTOMER : Message.SenderKind.AGENT;
    }
}
