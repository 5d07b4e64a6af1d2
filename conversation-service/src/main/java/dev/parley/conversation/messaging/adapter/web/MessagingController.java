package dev.parley.conversation.messaging.adapter.web;

import dev.parley.conversation.identity.domain.Caller;
import dev.parley.conversation.lifecycle.domain.Participant;
import dev.parley.conversation.messaging.application.ChangingMessage;
import dev.parley.conversation.messaging.application.MarkingRead;
import dev.parley.conversation.messaging.application.Reacting;
import dev.parley.conversation.messaging.application.SendingMessage;
import dev.parley.conversation.messaging.domain.Message;
import dev.parley.conversation.messaging.domain.MessageKind;
import dev.parley.conversation.messaging.domain.SendMessage;
import dev.parley.conversation.shared.adapter.web.Refusal;
import dev.parley.conversation.shared.adapter.web.Responses;
import dev.parley.conversation.shared.domain.Outcome;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Sending, editing, deleting and reacting to messages, and read receipts. */
@RestController
@RequestMapping("/api/v1/conversations/{conversationId}")
public class MessagingController {

    private final SendingMessage sending;
    private final ChangingMessage changing;
    private final Reacting reacting;
    private final MarkingRead reading;

    public MessagingController(SendingMessage sending, ChangingMessage changing, Reacting reacting, MarkingRead reading) {
        this.sending = sending;
        this.changing = changing;
        this.reacting = reacting;
        this.reading = reading;
    }

    /**
     * {@code kind} defaults to TEXT; agents may send NOTE. {@code attachmentIds}: files the sender
     * uploaded to this conversation and has not sent yet; with any, {@code body} may be empty.
     */
    public record SendRequest(String clientMsgId, String body, MessageKind kind, UUID replyTo, List<UUID> attachmentIds) {
    }

    /** 201 for a new message, 200 with the original for a retry of one already sent. */
    @ApiResponse(responseCode = "200", description = "A retry of a message already sent (the same `clientMsgId`): the original")
    @ApiResponse(responseCode = "201", description = "The new message")
    @Refusal(status = 409, when = "The conversation takes no more messages from the caller",
            codes = {"conversation.not_open"})
    @Refusal(status = 422, when = "An attachment id the sender did not upload to this conversation, or already sent",
            codes = {"message.attachment_invalid"})
    @PostMapping("/messages")
    public Mono<ResponseEntity<Message>> send(Caller caller, @PathVariable UUID conversationId,
                                              @RequestBody SendRequest request) {
        var command = new SendMessage(conversationId, request.clientMsgId(), request.body(),
                request.kind() == null ? MessageKind.TEXT : request.kind(), request.replyTo(), request.attachmentIds());
        return sending.send(caller, command).flatMap(outcome -> {
            HttpStatus status = outcome instanceof Outcome.Accepted<SendingMessage.Sent> sent && sent.value().duplicate()
                    ? HttpStatus.OK : HttpStatus.CREATED;
            return Responses.with(Mono.just(outcome.map(SendingMessage.Sent::message)), status);
        });
    }

    public record EditRequest(String body) {
    }

    @Refusal(status = 409, when = "The message was deleted, is not the kind that changes, or the edit window has passed",
            codes = {"message.deleted", "message.not_editable", "message.edit_window_passed"})
    @PatchMapping("/messages/{messageId}")
    public Mono<ResponseEntity<Message>> edit(Caller caller, @PathVariable UUID conversationId,
                                              @PathVariable UUID messageId, @RequestBody EditRequest request) {
        return Responses.ok(changing.edit(caller, conversationId, messageId, request.body()));
    }

    @Refusal(status = 409, when = "The message was deleted, is not the kind that changes, or the edit window has passed",
            codes = {"message.deleted", "message.not_editable", "message.edit_window_passed"})
    @DeleteMapping("/messages/{messageId}")
    public Mono<ResponseEntity<Message>> delete(Caller caller, @PathVariable UUID conversationId,
                                                @PathVariable UUID messageId) {
        return Responses.ok(changing.delete(caller, conversationId, messageId));
    }

    public record ReactionResult(boolean changed) {
    }

    @PutMapping("/messages/{messageId}/reactions/{emoji}")
    public Mono<ResponseEntity<ReactionResult>> react(Caller caller, @PathVariable UUID conversationId,
                                                      @PathVariable UUID messageId, @PathVariable String emoji) {
        return Responses.ok(reacting.react(caller, conversationId, messageId, emoji, true).map(o -> o.map(ReactionResult::new)));
    }

    @DeleteMapping("/messages/{messageId}/reactions/{emoji}")
    public Mono<ResponseEntity<ReactionResult>> unreact(Caller caller, @PathVariable UUID conversationId,
                                                        @PathVariable UUID messageId, @PathVariable String emoji) {
        return Responses.ok(reacting.react(caller, conversationId, messageId, emoji, false).map(o -> o.map(ReactionResult::new)));
    }

    /** Watermarks: the highest seq delivered to and read by the caller. */
    public record ReadRequest(long lastDeliveredSeq, long lastReadSeq) {
    }

    @PostMapping("/read")
    public Mono<ResponseEntity<Participant>> read(Caller caller, @PathVariable UUID conversationId,
                                                  @RequestBody ReadRequest request) {
        return Responses.ok(reading.mark(caller, conversationId, request.lastDeliveredSeq(), request.lastReadSeq()));
    }
}
