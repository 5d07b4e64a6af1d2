package dev.parley.conversation.shared.adapter.web;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.codec.CodecException;
import org.springframework.core.convert.ConversionException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.reactive.resource.NoResourceFoundException;
import org.springframework.web.reactive.result.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.server.MethodNotAllowedException;
import org.springframework.web.server.MissingRequestValueException;
import org.springframework.web.server.NotAcceptableStatusException;
import org.springframework.web.server.PayloadTooLargeException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;
import org.springframework.web.server.UnsatisfiedRequestParameterException;
import org.springframework.web.server.UnsupportedMediaTypeStatusException;
import reactor.core.publisher.Mono;

/**
 * Requests WebFlux refuses before a controller decides (an unreadable body, a malformed path id, a
 * missing or mistyped parameter, a wrong method or media type) as RFC 9457 problems with a stable
 * {@code code}, like every refusal of ours ({@link ProblemException}); they came without one
 * (issue 15, 8b). Replaces Spring Boot's own problem handler, which it extends. A database that
 * cannot be reached (stopped, restarting, unreachable) is {@value #STORE_UNAVAILABLE}, 503 with
 * {@code Retry-After}, not a 500: the fault suite found every send answered {@code http.500} while
 * PostgreSQL restarted (docs/reliability.md).
 */
@ControllerAdvice
public final class FrameworkProblems extends ResponseEntityExceptionHandler {

    public static final String BODY_UNREADABLE = "request.body_unreadable";
    public static final String PARAMETER_MISSING = "request.parameter_missing";
    public static final String PARAMETER_INVALID = "request.parameter_invalid";
    public static final String INVALID = "request.invalid";
    public static final String MEDIA_TYPE_UNSUPPORTED = "request.media_type_unsupported";
    public static final String NOT_ACCEPTABLE = "request.not_acceptable";
    public static final String METHOD_NOT_ALLOWED = "request.method_not_allowed";
    public static final String TOO_LARGE = "request.too_large";
    public static final String NOT_FOUND = "request.not_found";
    public static final String STORE_UNAVAILABLE = "store.unavailable";
    /** Seconds a client is asked to wait: a restarting PostgreSQL is back within a few. */
    private static final String RETRY_AFTER_SECONDS = "1";
    private static final Logger log = LoggerFactory.getLogger(FrameworkProblems.class);

    /** Checked in order: the first kind the failure is wins (subclasses before the classes they extend). */
    private static final Map<Class<? extends Exception>, String> BY_KIND = kinds();
    /** For a refusal of a kind not named above, by its status. */
    private static final Map<Integer, String> BY_STATUS = Map.of(
            400, INVALID, 404, NOT_FOUND, 405, METHOD_NOT_ALLOWED, 406, NOT_ACCEPTABLE,
            413, TOO_LARGE, 415, MEDIA_TYPE_UNSUPPORTED, 500, "server.error", 503, "server.unavailable");

    private static Map<Class<? extends Exception>, String> kinds() {
        Map<Class<? extends Exception>, String> kinds = new LinkedHashMap<>();
        kinds.put(MissingRequestValueException.class, PARAMETER_MISSING);
        kinds.put(UnsatisfiedRequestParameterException.class, PARAMETER_INVALID);
        kinds.put(WebExchangeBindException.class, INVALID);
        kinds.put(UnsupportedMediaTypeStatusException.class, MEDIA_TYPE_UNSUPPORTED);
        kinds.put(NotAcceptableStatusException.class, NOT_ACCEPTABLE);
        kinds.put(MethodNotAllowedException.class, METHOD_NOT_ALLOWED);
        kinds.put(PayloadTooLargeException.class, TOO_LARGE);
        kinds.put(NoResourceFoundException.class, NOT_FOUND);
        return kinds;
    }

    /**
     * No connection to the database could be had, or it broke: nothing was committed, so the
     * request may be retried (a send is idempotent on its {@code clientMsgId}).
     */
    @ExceptionHandler({DataAccessResourceFailureException.class, CannotCreateTransactionException.class})
    public Mono<ResponseEntity<Object>> storeUnavailable(Exception failure, ServerWebExchange exchange) {
        log.warn("The database is unavailable, answering {} to {} {}: {}", STORE_UNAVAILABLE, exchange.getRequest().getMethod(),
                exchange.getRequest().getPath(), failure.getMessage());
        ProblemDetail detail = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "the conversation store is unavailable; retry later");
        detail.setProperty("code", STORE_UNAVAILABLE);
        detail.setType(URI.create("https://parley.dev/problems/" + STORE_UNAVAILABLE));
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
        return handleExceptionInternal(failure, detail, headers, HttpStatus.SERVICE_UNAVAILABLE, exchange);
    }

    @Override
    protected Mono<ResponseEntity<Object>> handleExceptionInternal(Exception failure, Object body, HttpHeaders headers,
                                                                   HttpStatusCode status, ServerWebExchange exchange) {
        Object problem = body != null ? body : failure instanceof ErrorResponse response ? response.getBody() : null;
        if (problem instanceof ProblemDetail detail
                && (detail.getProperties() == null || !detail.getProperties().containsKey("code"))) {
            String code = codeOf(failure, status);
            detail.setProperty("code", code);
            detail.setType(URI.create("https://parley.dev/problems/" + code));
        }
        return super.handleExceptionInternal(failure, problem, headers, status, exchange);
    }

    static String codeOf(Exception failure, HttpStatusCode status) {
        for (Map.Entry<Class<? extends Exception>, String> kind : BY_KIND.entrySet()) {
            if (kind.getKey().isInstance(failure)) {
                return kind.getValue();
            }
        }
        if (failure instanceof ServerWebInputException input) {
            Throwable cause = input.getCause();
            if (cause instanceof CodecException) {
                return BODY_UNREADABLE;
            }
            if (cause instanceof TypeMismatchException || cause instanceof ConversionException) {
                return PARAMETER_INVALID;
            }
        }
        return BY_STATUS.getOrDefault(status.value(), "request.status_" + status.value());
    }
}
