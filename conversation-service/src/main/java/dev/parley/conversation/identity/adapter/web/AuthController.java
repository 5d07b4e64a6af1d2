package dev.parley.conversation.identity.adapter.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.parley.conversation.identity.application.LoggingIn;
import dev.parley.conversation.identity.application.LoggingOut;
import dev.parley.conversation.identity.application.LoginThrottle;
import dev.parley.conversation.identity.application.RefreshingTokens;
import dev.parley.conversation.identity.domain.Caller;
import dev.parley.conversation.identity.domain.TokenRole;
import dev.parley.conversation.shared.adapter.web.ProblemException;
import dev.parley.conversation.shared.domain.Outcome;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Agents' login, token refresh and logout, and {@code /me} for any caller. */
@RestController
public class AuthController {

    public static final String RATE_LIMITED = "auth.rate_limited";
    private static final Map<String, HttpStatus> STATUSES = Map.of(
            LoggingIn.INVALID_CREDENTIALS, HttpStatus.UNAUTHORIZED,
            RefreshingTokens.INVALID_REFRESH_TOKEN, HttpStatus.UNAUTHORIZED);

    private final LoggingIn loggingIn;
    private final RefreshingTokens refreshing;
    private final LoggingOut loggingOut;
    private final LoginThrottle throttle;
    private final ClientAddress clientAddress;
    private final Clock clock;

    public AuthController(LoggingIn loggingIn, RefreshingTokens refreshing, LoggingOut loggingOut,
                          LoginThrottle throttle, ClientAddress clientAddress, Clock clock) {
        this.clientAddress = clientAddress;
        this.loggingIn = loggingIn;
        this.refreshing = refreshing;
        this.loggingOut = loggingOut;
        this.throttle = throttle;
        this.clock = clock;
    }

    public record LoginRequest(String email, String password) {
    }

    public record RefreshRequest(String refreshToken) {
    }

    public record LogoutRequest(String refreshToken) {
    }

    /** Who the token says the caller is: {@code id} is the customer's or agent's id, or the service's name. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Me(String role, String id, String inboxId) {
    }

    @PostMapping("/api/v1/auth/login")
    public Mono<ResponseEntity<TokenResponse>> login(@RequestBody LoginRequest body, ServerHttpRequest request) {
        String client = clientAddress.of(request);
        Optional<Duration> wait = throttle.admit(body.email(), client);
        if (wait.isPresent()) {
            return Mono.error(rateLimited(wait.get()));
        }
        return loggingIn.login(body.email(), body.password())
                .doOnNext(outcome -> {
                    if (outcome instanceof Outcome.Accepted<?>) {
                        throttle.succeeded(body.email(), client);
                    }
                })
                .flatMap(outcome -> Outcomes.valueOf(outcome, STATUSES))
                .map(tokens -> noStore(TokenResponse.of(tokens, clock)));
    }

    @PostMapping("/api/v1/auth/refresh")
    public Mono<ResponseEntity<TokenResponse>> refresh(@RequestBody RefreshRequest body) {
        return refreshing.refresh(body.refreshToken())
                .flatMap(outcome -> Outcomes.valueOf(outcome, STATUSES))
                .map(tokens -> noStore(TokenResponse.of(tokens, clock)));
    }

    /** Ends the session of the refresh token given, or every session of the agent without one. */
    @PostMapping("/api/v1/auth/logout")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public Mono<Void> logout(Caller.Agent agent, @RequestBody(required = false) LogoutRequest body) {
        return loggingOut.logout(agent, Optional.ofNullable(body).map(LogoutRequest::refreshToken));
    }

    @GetMapping("/api/v1/auth/me")
    public Me me(Caller caller) {
        String role = TokenRole.of(caller).name();
        if (caller instanceof Caller.Customer customer) {
            return new Me(role, customer.customerId().toString(), customer.inboxId().toString());
        }
        if (caller instanceof Caller.Agent agent) {
            return new Me(role, agent.agentId().toString(), null);
        }
        return new Me(role, ((Caller.Service) caller).name(), null);
    }

    static ProblemException rateLimited(Duration wait) {
        // Whole seconds, rounded up: Retry-After has no fractions, and 0 would invite a retry too soon.
        long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
        ProblemException problem = ProblemException.of(HttpStatus.TOO_MANY_REQUESTS, RATE_LIMITED,
                "Too many login attempts; retry in " + seconds + " s.");
        problem.getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        return problem;
    }

    /** Token responses must not be cached by any proxy (RFC 6749 §5.1). */
    static <T> ResponseEntity<T> noStore(T body) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(body);
    }
}
