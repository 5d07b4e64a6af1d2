package dev.parley.conversation.identity.adapter.web;

import dev.parley.conversation.identity.adapter.jwt.ExpiredTokenError;
import dev.parley.conversation.identity.adapter.jwt.UnknownAgentException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Answers requests the security filters stop, before any controller runs, as RFC 9457 problems
 * with the same stable {@code code} field as the rest of the API, plus the RFC 6750
 * {@code WWW-Authenticate} challenge on 401.
 */
public final class AuthProblems implements ServerAuthenticationEntryPoint, ServerAccessDeniedHandler {

    public static final String TOKEN_MISSING = "auth.token_missing";
    public static final String TOKEN_INVALID = "auth.token_invalid";
    public static final String TOKEN_EXPIRED = "auth.token_expired";
    public static final String AGENT_UNKNOWN = "auth.agent_unknown";
    public static final String FORBIDDEN = "auth.forbidden";
    private static final Logger log = LoggerFactory.getLogger(AuthProblems.class);
    private static final MediaType PROBLEM_JSON = MediaType.APPLICATION_PROBLEM_JSON;

    private final JsonMapper json;

    public AuthProblems(JsonMapper json) {
        this.json = json;
    }

    @Override
    public Mono<Void> commence(ServerWebExchange exchange, AuthenticationException failure) {
        log.debug("Refused {} {}: {}", exchange.getRequest().getMethod(), exchange.getRequest().getPath(), failure.getMessage());
        if (failure instanceof AuthenticationCredentialsNotFoundException) {
            return write(exchange, HttpStatus.UNAUTHORIZED, TOKEN_MISSING, "This endpoint needs a bearer token.", "Bearer");
        }
        String challenge = "Bearer error=\"invalid_token\"";
        if (failure instanceof UnknownAgentException) {
            return write(exchange, HttpStatus.UNAUTHORIZED, AGENT_UNKNOWN, failure.getMessage(), challenge);
        }
        if (ExpiredTokenError.isIn(failure)) {
            return write(exchange, HttpStatus.UNAUTHORIZED, TOKEN_EXPIRED, "The bearer token has expired.", challenge);
        }
        return write(exchange, HttpStatus.UNAUTHORIZED, TOKEN_INVALID, "The bearer token is not valid.", challenge);
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, AccessDeniedException denied) {
        return write(exchange, HttpStatus.FORBIDDEN, FORBIDDEN, "This token may not use this endpoint.", null);
    }

    private Mono<Void> write(ServerWebExchange exchange, HttpStatus status, String code, String detail, String challenge) {
        var response = exchange.getResponse();
        response.setStatusCode(status);
        response.getHeaders().setContentType(PROBLEM_JSON);
        if (challenge != null) {
            response.getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, challenge);
        }
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", URI.create("https://parley.dev/problems/" + code).toString());
        problem.put("title", status.getReasonPhrase());
        problem.put("status", status.value());
        problem.put("detail", detail);
        problem.put("instance", exchange.getRequest().getPath().value());
        problem.put("code", code);
        DataBuffer body = response.bufferFactory().wrap(json.writeValueAsString(problem).getBytes(StandardCharsets.UTF_8));
        return response.writeWith(Mono.just(body));
    }
}
