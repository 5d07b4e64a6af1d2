package dev.parley.conversation.shared.adapter.web;

import dev.parley.conversation.shared.domain.Rejection;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * An RFC 9457 problem with Parley's stable {@code code} (and {@code fields} for validation),
 * rendered by WebFlux as {@code application/problem+json}.
 */
public final class ProblemException extends ErrorResponseException {

    public ProblemException(HttpStatus status, Rejection rejection) {
        super(status, problem(status, rejection), null);
    }

    public static ProblemException of(HttpStatus status, String code, String message) {
        return new ProblemException(status, Rejection.of(code, message));
    }

    private static ProblemDetail problem(HttpStatus status, Rejection rejection) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, rejection.message());
        problem.setType(URI.create("https://parley.dev/problems/" + rejection.code()));
        problem.setTitle(status.getReasonPhrase());
        problem.setProperty("code", rejection.code());
        if (!rejection.fields().isEmpty()) {
            problem.setProperty("fields", rejection.fields());
        }
        return problem;
    }
}
