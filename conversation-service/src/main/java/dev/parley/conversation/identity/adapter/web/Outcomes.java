package dev.parley.conversation.identity.adapter.web;

import dev.parley.conversation.shared.adapter.web.ProblemException;
import dev.parley.conversation.shared.domain.Outcome;
import java.util.Map;
import org.springframework.http.HttpStatus;
import reactor.core.publisher.Mono;

/** Turns a use case's outcome into its value, or into the problem its rejection code maps to. */
final class Outcomes {

    private Outcomes() {
    }

    /** @param statuses the HTTP status of each rejection code; any other code is a 400 */
    static <T> Mono<T> valueOf(Outcome<T> outcome, Map<String, HttpStatus> statuses) {
        if (outcome instanceof Outcome.Accepted<T> accepted) {
            return Mono.just(accepted.value());
        }
        var rejection = ((Outcome.Rejected<T>) outcome).rejection();
        return Mono.error(new ProblemException(statuses.getOrDefault(rejection.code(), HttpStatus.BAD_REQUEST), rejection));
    }
}
