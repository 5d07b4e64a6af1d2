package dev.parley.conversation.messaging.application;

import dev.parley.conversation.identity.domain.Caller;
import dev.parley.conversation.lifecycle.application.ConversationStore;
import dev.parley.conversation.lifecycle.application.MovingConversation;
import dev.parley.conversation.lifecycle.application.ParticipantStore;
import dev.parley.conversation.lifecycle.domain.Conversation;
import dev.parley.conversation.lifecycle.domain.ConversationStatus;
import dev.parley.conversation.lifecycle.domain.LifecycleCommand;
import dev.parley.conversation.lifecycle.domain.Participant;
import dev.parley.conversation.messaging.domain.Message;
import dev.parley.conversation.messaging.domain.MessageAttachment;
import dev.parley.conversation.messaging.domain.MessageKind;
import dev.parley.conversation.messaging.domain.MessageText;
import dev.parley.conversation.messaging.domain.SendMessage;
import dev.parley.conversation.shared.application.AccessPolicy;
import dev.parley.conversation.shared.application.Actors;
import dev.parley.conversation.shared.application.EventRecorder;
import dev.parley.conversation.shared.application.EventRecorder.Happening;
import dev.parley.conversation.shared.application.Transactions;
import dev.parley.conversation.shared.domain.Outcome;
import dev.parley.conversation.shared.domain.Rejection;
import dev.parley.conversation.shared.domain.UuidV7;
import dev.parley.conversation.faq.application.AnsweringWithFaq;
import dev.parley.conversation.reports.application.SupportMeters;
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
 * Appends a message: one transaction locks the conversation, takes the next seq, inserts the
 * message and its event, and moves the lifecycle when a customer replies (waiting ends, a resolved
 * conversation reopens). The sender is acknowledged only after the commit, so an acknowledged
 * message is durable; a retry with the same client message id returns the original. Files the
 * message carries are claimed in the same transaction, so a file belongs to one message at most.
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
    private final ParticipantStore participants;
    private final MessageStore messages;
    private final AccessPolicy access;
    private final MovingConversation moving;
    private final EventRecorder recorder;
    private final MessageText text;
    private final AnsweringWithFaq bot;
    private final SupportMeters meters;
    private final MessageAttachments attachments;
    private final Clock clock;

    public SendingMessage(Transactions transactions, ConversationStore conversations, ParticipantStore participants,
                          MessageStore messages, AccessPolicy access, MovingConversation moving,
                          EventRecorder recorder, MessageText text, AnsweringWithFaq bot, SupportMeters meters,
                          Clock clock) {
        this(transactions, conversations, participants, messages, access, moving, recorder, text, bot, meters,
                MessageAttachments.NONE, clock);
    }

    public SendingMessage(Transactions transactions, ConversationStore conversations, ParticipantStore participants,
                          MessageStore messages, AccessPolicy access, MovingConversation moving,
                          EventRecorder recorder, MessageText text, AnsweringWithFaq bot, SupportMeters meters,
                          MessageAttachments attachments, Clock clock) {
        this.transactions = transactions;
        this.conversations = conversations;
        this.participants = participants;
        this.messages = messages;
        this.access = access;
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
        return transactions.inTransaction(() -> conversations.lock(command.conversationId())
                .flatMap(conversation -> access.check(caller, conversation).flatMap(denied -> denied.isPresent()
                        ? Mono.just(Outcome.<Sent>rejected(denied.get()))
                        : messages.findByClientMsgId(conversation.id(), senderId, command.clientMsgId())
                                .map(existing -> Outcome.accepted(new Sent(existing, true)))
                                .switchIfEmpty(Mono.defer(() -> append(caller, senderId, conversation, command)))))
                .defaultIfEmpty(Outcome.rejected(AccessPolicy.notFound())));
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
        var created = new EventData.MessageCreated(UuidV7.next(now), senderId, senderKindOf(caller).name(),
                command.kind().name(), bodyOf(command), command.replyTo(), command.clientMsgId(), now, null,
                files.stream().map(SendingMessage::carried).toList());
        Mono<Void> beforeRecording = Mono.empty();
        if (caller instanceof Caller.Agent && command.kind() == MessageKind.TEXT) {
            Instant waitingSince = conversation.queuedAt() != null ? conversation.queuedAt() : conversation.createdAt();
            beforeRecording = messages.hasAgentText(conversation.id()).doOnNext(answeredBefore -> {
                if (!answeredBefore) {
                    meters.firstResponse(conversation.departmentId(), conversation.inboxId(), Duration.between(waitingSince, now));
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
            Conversation touched = conversation.withStatus(conversation.status(), now);
            return recorder.record(touched, Actors.of(caller), List.copyOf(happenings))
                    .flatMap(recorded -> attachments.attach(command.attachmentIds(), created.messageId()).thenReturn(recorded));
        })).flatMap(recorded -> {
            long seq = recorded.lastSeq();
            Conversation afterMessage = conversation.withStatus(conversation.status(), now).withLastSeq(seq);
            var message = new Message(created.messageId(), conversation.id(), seq, senderId, senderKindOf(caller),
                    command.kind(), created.body(), command.replyTo(), command.clientMsgId(), now, null, null, null, files);
            return botAnswer(caller, afterMessage, created.body(), now)
                    .flatMap(lastSeq -> conversations.update(afterMessage.withLastSeq(lastSeq), moved.resolvedAt(),
                            moved.closedAt()))
                    .thenReturn(Outcome.accepted(new Sent(message, false)));
        });
    }

    /**
     * While the conversation is with the bot, the bot answers a customer's message in the same
     * transaction, with the next seq. Completes with the conversation's last seq.
     */
    private Mono<Long> botAnswer(Caller caller, Conversation conversation, String text, Instant now) {
        if (!(caller instanceof Caller.Customer) || text.isBlank()) {
            return Mono.just(conversation.lastSeq());
        }
        return bot.replyTo(conversation, text).flatMap(reply -> reply.isEmpty()
                ? Mono.just(conversation.lastSeq())
                : recorder.record(conversation, Actor.bot(conversation.inboxId()), List.of(Happening.visibleToAll(
                                new EventData.MessageCreated(UuidV7.next(now), null, "BOT", "BOT", reply.get().text(),
                                        null, null, now, reply.get().quickReplies()))))
                        .map(EventRecorder.Recorded::lastSeq));
    }

    /** A customer's message may move the conversation; an agent's needs it open (notes: not closed). */
    private Mono<Outcome<MovingConversation.Moved>> lifecycleFor(Caller caller, Conversation conversation, SendMessage command) {
        if (caller instanceof Caller.Customer) {
            return moving.move(caller, conversation, new LifecycleCommand.CustomerReplied());
        }
        ConversationStatus status = conversation.status();
        boolean allowed = command.kind() == MessageKind.NOTE ? status != ConversationStatus.CLOSED : status.isOpen();
        if (!allowed) {
            return Mono.just(Outcome.rejected(NOT_OPEN, "reopen the conversation before writing to the customer"));
        }
        return Mono.just(Outcome.accepted(new MovingConversation.Moved(conversation, List.of(), null, null)));
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
