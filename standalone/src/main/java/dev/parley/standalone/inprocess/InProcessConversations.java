package dev.parley.standalone.inprocess;

import dev.parley.conversation.directory.adapter.web.DirectoryController;
import dev.parley.conversation.directory.adapter.web.StatusRequest;
import dev.parley.conversation.identity.adapter.jwt.ExpiredTokenError;
import dev.parley.conversation.identity.adapter.jwt.OwnTokens;
import dev.parley.conversation.identity.adapter.web.AuthProblems;
import dev.parley.conversation.identity.domain.Caller;
import dev.parley.conversation.lifecycle.adapter.web.LifecycleController;
import dev.parley.conversation.messaging.adapter.web.MessagingController;
import dev.parley.conversation.messaging.domain.MessageKind;
import dev.parley.conversation.reading.adapter.web.ReadingController;
import dev.parley.gateway.conversation.application.ConversationCommand;
import dev.parley.gateway.conversation.application.ConversationCommand.Agents;
import dev.parley.gateway.conversation.application.ConversationCommand.Change;
import dev.parley.gateway.conversation.application.ConversationCommand.ChangeStatus;
import dev.parley.gateway.conversation.application.ConversationCommand.Delete;
import dev.parley.gateway.conversation.application.ConversationCommand.Edit;
import dev.parley.gateway.conversation.application.ConversationCommand.EventsSince;
import dev.parley.gateway.conversation.application.ConversationCommand.History;
import dev.parley.gateway.conversation.application.ConversationCommand.ListConversations;
import dev.parley.gateway.conversation.application.ConversationCommand.Open;
import dev.parley.gateway.conversation.application.ConversationCommand.React;
import dev.parley.gateway.conversation.application.ConversationCommand.Read;
import dev.parley.gateway.conversation.application.ConversationCommand.Send;
import dev.parley.gateway.conversation.application.ConversationCommand.Start;
import dev.parley.gateway.conversation.application.ConversationCommand.Transfer;
import dev.parley.gateway.conversation.application.ConversationRefusal;
import dev.parley.gateway.conversation.application.Conversations;
import dev.parley.gateway.conversation.application.RawJson;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.web.ErrorResponse;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * The gateway's {@link Conversations} when conversation-service runs in the same process: each
 * command calls the controller method its HTTP request would be routed to, with the caller its
 * bearer token would be verified to, and the answer is written with the mapper the HTTP answer is
 * written with. So both adapters answer alike (the shared {@code ConversationsContract} checks it),
 * without a socket, a request or a parse in between. Defaults the HTTP API gives absent query
 * parameters are given here too, and so is the HTTP adapter's bound on one command
 * ({@code parley.gateway.upstream-timeout}): a call that waits longer (for a database connection,
 * say) is refused {@code upstream.unavailable} and cancelled, rather than holding its socket's
 * commands for ever.
 */
public final class InProcessConversations implements Conversations {

    private static final Logger log = LoggerFactory.getLogger(InProcessConversations.class);

    /** The controllers the commands are routed to. */
    public record Controllers(LifecycleController lifecycle, ReadingController reading, MessagingController messaging,
                              DirectoryController directory) {
    }

    private final OwnTokens tokens;
    private final Controllers controllers;
    private final JsonMapper json;
    private final Duration timeout;

    public InProcessConversations(OwnTokens tokens, Controllers controllers, JsonMapper json, Duration timeout) {
        this.tokens = tokens;
        this.controllers = controllers;
        this.json = json;
        this.timeout = timeout;
    }

    @Override
    public Mono<RawJson> call(String token, ConversationCommand command) {
        return tokens.callerOf(token)
                .onErrorMap(JwtException.class, InProcessConversations::tokenRefused)
                .flatMap(caller -> Mono.defer(() -> route(caller, command)))
                .map(this::answer)
                .timeout(timeout)
                .onErrorMap(error -> !(error instanceof ConversationRefusal), InProcessConversations::refusal);
    }

    private Mono<? extends ResponseEntity<?>> route(Caller caller, ConversationCommand command) {
        var lifecycle = controllers.lifecycle();
        var reading = controllers.reading();
        var messaging = controllers.messaging();
        if (command instanceof Send send) {
            return messaging.send(caller, send.conversationId(), new MessagingController.SendRequest(send.clientMsgId(),
                    send.body(), send.kind() == null ? null : MessageKind.valueOf(send.kind().name()), send.replyTo(),
                    send.attachmentIds()));
        }
        if (command instanceof Read read) {
            return messaging.read(caller, read.conversationId(),
                    new MessagingController.ReadRequest(read.lastDeliveredSeq(), read.lastReadSeq()));
        }
        if (command instanceof Start) {
            return lifecycle.start(caller);
        }
        if (command instanceof Change change) {
            return switch (change.move()) {
                case JOIN -> lifecycle.join(caller, change.conversationId());
                case LEAVE -> lifecycle.leave(caller, change.conversationId());
                default -> lifecycle.change(caller, change.conversationId(), change.move().path());
            };
        }
        if (command instanceof Transfer transfer) {
            return lifecycle.transfer(caller, transfer.conversationId(),
                    new LifecycleController.TransferRequest(transfer.agentId(), transfer.departmentId()));
        }
        if (command instanceof ListConversations list) {
            return reading.list(caller, Objects.requireNonNullElse(list.view(), "mine"), list.department(), list.cursor(),
                    Objects.requireNonNullElse(list.limit(), 50));
        }
        if (command instanceof Open open) {
            return reading.detail(caller, open.conversationId());
        }
        if (command instanceof History history) {
            return reading.history(caller, history.conversationId(), history.before(), history.after(),
                    Objects.requireNonNullElse(history.limit(), 50));
        }
        if (command instanceof EventsSince events) {
            return reading.events(caller, events.conversationId(), events.since(),
                    Objects.requireNonNullElse(events.limit(), 100));
        }
        if (command instanceof Edit edit) {
            return messaging.edit(caller, edit.conversationId(), edit.messageId(), new MessagingController.EditRequest(edit.body()));
        }
        if (command instanceof Delete delete) {
            return messaging.delete(caller, delete.conversationId(), delete.messageId());
        }
        if (command instanceof React react) {
            return react.add() ? messaging.react(caller, react.conversationId(), react.messageId(), react.emoji())
                    : messaging.unreact(caller, react.conversationId(), react.messageId(), react.emoji());
        }
        if (command instanceof ChangeStatus status) {
            return controllers.directory().changeStatus(caller, status.agentId(), new StatusRequest(status.status()));
        }
        if (command instanceof Agents) {
            return controllers.directory().agents(caller);
        }
        return Mono.error(new IllegalArgumentException("no controller for " + command));
    }

    /** As the service's 401 for the same token over HTTP says it. */
    private static ConversationRefusal tokenRefused(JwtException refused) {
        return ExpiredTokenError.isIn(refused)
                ? new ConversationRefusal(401, AuthProblems.TOKEN_EXPIRED, "The bearer token has expired.")
                : new ConversationRefusal(401, AuthProblems.TOKEN_INVALID, "The bearer token is not valid.");
    }

    private RawJson answer(ResponseEntity<?> response) {
        Object body = response.getBody();
        return body == null ? RawJson.NULL : new RawJson(json.writeValueAsBytes(body));
    }

    /** A problem as its HTTP answer would carry it; anything else is what a 500 would be. */
    private static ConversationRefusal refusal(Throwable error) {
        if (error instanceof TimeoutException) {
            return new ConversationRefusal(503, ConversationRefusal.UNAVAILABLE, "conversation-service did not answer in time");
        }
        if (error instanceof ErrorResponse problem) {
            ProblemDetail detail = problem.getBody();
            Object code = detail.getProperties() == null ? null : detail.getProperties().get("code");
            int status = problem.getStatusCode().value();
            return new ConversationRefusal(status, code == null ? "http." + status : code.toString(),
                    detail.getDetail() == null ? Objects.requireNonNullElse(detail.getTitle(), "refused") : detail.getDetail());
        }
        log.error("A command failed in process", error);
        return new ConversationRefusal(500, "http.500", "conversation-service failed to handle the command");
    }
}
