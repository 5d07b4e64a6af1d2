package dev.parley.conversation.identity.adapter.web;

import dev.parley.conversation.identity.application.StartingWidgetSession;
import dev.parley.conversation.identity.application.WidgetSessionThrottle;
import dev.parley.conversation.identity.application.UpdatingCustomerProfile;
import dev.parley.conversation.identity.domain.Caller;
import dev.parley.conversation.identity.domain.CustomerAttributes;
import dev.parley.conversation.identity.domain.CustomerProfile;
import dev.parley.conversation.shared.domain.Outcome;
import dev.parley.conversation.shared.adapter.web.ProblemException;
import dev.parley.conversation.shared.domain.Rejection;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * {@code POST /api/v1/widget/sessions}: the widget gets a customer token for its visitor;
 * {@code POST /api/v1/widget/profile}: the visitor's profile changes while the session runs.
 */
@RestController
public class WidgetSessionController {

    /** Generous bounds on what a visitor may send, so a row never holds megabytes of junk. */
    static final int MAX_USER_ID = 255;
    static final int MAX_NAME = 200;
    /** RFC 5321's limit on an address path. */
    static final int MAX_EMAIL = 320;
    static final String INVALID = "widget.request_invalid";
    public static final String RATE_LIMITED = "widget.rate_limited";

    private static final Map<String, HttpStatus> STATUSES = Map.of(
            StartingWidgetSession.INBOX_UNKNOWN, HttpStatus.NOT_FOUND,
            StartingWidgetSession.ORIGIN_NOT_ALLOWED, HttpStatus.FORBIDDEN,
            StartingWidgetSession.USER_HASH_INVALID, HttpStatus.FORBIDDEN,
            UpdatingCustomerProfile.CUSTOMERS_ONLY, HttpStatus.FORBIDDEN);

    private final StartingWidgetSession starting;
    private final UpdatingCustomerProfile updating;
    private final WidgetSessionThrottle throttle;
    private final ClientAddress clientAddress;

    public WidgetSessionController(StartingWidgetSession starting, UpdatingCustomerProfile updating,
                                   WidgetSessionThrottle throttle, ClientAddress clientAddress) {
        this.starting = starting;
        this.updating = updating;
        this.clientAddress = clientAddress;
        this.throttle = throttle;
    }

    /**
     * @param inboxKey     the inbox's public key, from the widget's embed snippet
     * @param visitorToken the token of an earlier session, which the widget keeps
     * @param userId       the host site's id of its logged-in user
     * @param userHash     hex HMAC-SHA256 of userId under the inbox's secret, computed by the host's server
     */
    public record StartRequest(String inboxKey, String visitorToken, String userId, String userHash, String name, String email,
                               Map<String, Object> attributes) {
    }

    /**
     * What the host page changes of its visitor once the session runs; absent fields are kept.
     *
     * @param attributes custom attributes merged into the stored ones; a {@code null} value removes one
     */
    public record ProfileRequest(String name, String email, Map<String, Object> attributes) {
    }

    public record SessionResponse(String token, UUID customerId, Instant expiresAt) {
    }

    @PostMapping("/api/v1/widget/sessions")
    public Mono<SessionResponse> start(@RequestBody StartRequest body,
                                       @RequestHeader(name = HttpHeaders.ORIGIN, required = false) String origin,
                                       ServerHttpRequest http) {
        Optional<Duration> wait = throttle.admit(clientAddress.of(http));
        if (wait.isPresent()) {
            return Mono.error(rateLimited(wait.get()));
        }
        require(body.inboxKey() != null && !body.inboxKey().isBlank(), "inboxKey", "inboxKey is required.");
        require(length(body.userId()) <= MAX_USER_ID, "userId", "userId may have at most " + MAX_USER_ID + " characters.");
        var request = new StartingWidgetSession.Request(body.inboxKey(), present(body.visitorToken()),
                present(body.userId()), present(body.userHash()),
                profile(body.name(), body.email(), body.attributes()), present(origin));
        return starting.start(request)
                .flatMap(outcome -> Outcomes.valueOf(outcome, STATUSES))
                .map(session -> new SessionResponse(session.token().value(), session.customerId(), session.token().expiresAt()));
    }

    /** {@code POST /api/v1/widget/profile}: the customer of the token sets their name, email or attributes. */
    @PostMapping("/api/v1/widget/profile")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public Mono<Void> update(Caller caller, @RequestBody ProfileRequest body) {
        return updating.update(caller, profile(body.name(), body.email(), body.attributes()))
                .flatMap(outcome -> Outcomes.valueOf(outcome, STATUSES))
                .then();
    }

    /** The profile as sent, validated; a problem naming the field otherwise. */
    private static CustomerProfile profile(String name, String email, Map<String, Object> attributes) {
        require(length(name) <= MAX_NAME, "name", "name may have at most " + MAX_NAME + " characters.");
        require(length(email) <= MAX_EMAIL, "email", "email may have at most " + MAX_EMAIL + " characters.");
        Outcome<CustomerAttributes> parsed = CustomerAttributes.of(attributes);
        if (parsed instanceof Outcome.Rejected<CustomerAttributes> rejected) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, rejected.rejection());
        }
        return new CustomerProfile(present(name), present(email), ((Outcome.Accepted<CustomerAttributes>) parsed).value());
    }

    private static ProblemException rateLimited(Duration wait) {
        // Whole seconds, rounded up: Retry-After has no fractions, and 0 would invite a retry too soon.
        long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
        ProblemException problem = ProblemException.of(HttpStatus.TOO_MANY_REQUESTS, RATE_LIMITED,
                "Too many widget sessions from this address; retry in " + seconds + " s.");
        problem.getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        return problem;
    }

    private static void require(boolean valid, String field, String message) {
        if (!valid) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, Rejection.invalid(INVALID, field, message));
        }
    }

    private static int length(String value) {
        return value == null ? 0 : value.length();
    }

    private static Optional<String> present(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
    }
}
