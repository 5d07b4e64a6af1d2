package dev.parley.conversation.shared.adapter.web;

import dev.parley.conversation.shared.domain.Outcome;
import dev.parley.conversation.shared.domain.Rejection;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import reactor.core.publisher.Mono;

/**
 * Turns use-case outcomes into HTTP: accepted values as JSON, rejections as RFC 9457 problems. The
 * status of each rejection code is decided here, once: codes ending in {@code not_found} are 404,
 * refusals of who you are 403, conflicts with the conversation's state 409, bad input 400, and the
 * few codes with a status of their own (413 too large, 415 type refused, 422 unusable reference).
 */
public final class Responses {

    private static final Set<String> FORBIDDEN = Set.of(
            "conversation.forbidden", "conversation.action_not_allowed", "message.not_author",
            "conversation.only_customers_start", "read.not_participant", "directory.admin_only", "agent.forbidden",
            "attachment.link_invalid", "page.customers_only");
    private static final Set<String> CONFLICT = Set.of(
            "conversation.illegal_transition", "conversation.closed", "conversation.not_open", "agent.unavailable",
            "message.edit_window_passed", "message.deleted", "message.not_editable", "conversation.owner_cannot_leave",
            "conversation.not_queued");
    private static final Map<String, HttpStatus> OTHER = Map.of(
            "attachment.too_large", HttpStatus.valueOf(413),
            "attachment.type_not_allowed", HttpStatus.UNSUPPORTED_MEDIA_TYPE,
            "message.attachment_invalid", HttpStatus.valueOf(422));

    private Responses() {
    }

    public static HttpStatus statusOf(Rejection rejection) {
        String code = rejection.code();
        if (code.endsWith("not_found")) {
            return HttpStatus.NOT_FOUND;
        }
        if (FORBIDDEN.contains(code)) {
            return HttpStatus.FORBIDDEN;
        }
        if (CONFLICT.contains(code)) {
            return HttpStatus.CONFLICT;
        }
        return OTHER.getOrDefault(code, HttpStatus.BAD_REQUEST);
    }

    /** 200 with the value, or the problem. */
    public static <T> Mono<ResponseEntity<T>> ok(Mono<Outcome<T>> outcome) {
        return with(outcome, HttpStatus.OK);
    }

    public static <T> Mono<ResponseEntity<T>> with(Mono<Outcome<T>> outcome, HttpStatus status) {
        return outcome.map(result -> {
            if (result instanceof Outcome.Rejected<T> rejected) {
                throw new ProblemException(statusOf(rejected.rejection()), rejected.rejection());
            }
            return ResponseEntity.status(status).body(((Outcome.Accepted<T>) result).value());
        });
    }
}
