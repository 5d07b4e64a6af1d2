package dev.parley.conversation.directory.adapter.web;

import dev.parley.conversation.directory.application.EditingDirectory;
import dev.parley.conversation.directory.application.ManagingAgents;
import dev.parley.conversation.shared.adapter.web.ProblemException;
import dev.parley.conversation.shared.adapter.web.Responses;
import dev.parley.conversation.shared.domain.Outcome;
import dev.parley.conversation.shared.domain.Rejection;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import reactor.core.publisher.Mono;

/** {@link Responses}, with the directory's conflicts: a department still in use, deactivating oneself. */
final class AdminResponses {

    private static final Set<String> CONFLICT = Set.of(EditingDirectory.DEPARTMENT_IN_USE,
            ManagingAgents.CANNOT_DEACTIVATE_SELF, "agent.deactivated");

    private AdminResponses() {
    }

    static <T> Mono<ResponseEntity<T>> with(Mono<Outcome<T>> outcome, HttpStatus status) {
        return outcome.map(result -> {
            if (result instanceof Outcome.Rejected<T> rejected) {
                Rejection rejection = rejected.rejection();
                throw new ProblemException(CONFLICT.contains(rejection.code()) ? HttpStatus.CONFLICT
                        : Responses.statusOf(rejection), rejection);
            }
            return ResponseEntity.status(status).body(((Outcome.Accepted<T>) result).value());
        });
    }

    static <T> Mono<ResponseEntity<T>> ok(Mono<Outcome<T>> outcome) {
        return with(outcome, HttpStatus.OK);
    }
}
