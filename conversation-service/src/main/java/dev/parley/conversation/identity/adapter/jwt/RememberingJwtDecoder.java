package dev.parley.conversation.identity.adapter.jwt;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

/**
 * Remembers the tokens it verified, so a client that sends one token with every request (a gateway
 * does, for every command of a socket) pays for the signature check and the claim validation once,
 * not per request: it was an eighth of this service's CPU per message (DeliveryBenchmark).
 *
 * <p>Nothing but time can make a verified token invalid except removing its signing key from the
 * ring; a token is remembered until its {@code exp} but at most {@link #AT_MOST}, so a removed key
 * stops working within that. Refusals are not remembered.
 */
public final class RememberingJwtDecoder implements ReactiveJwtDecoder {

    /** How long a removed signing key's tokens may still be accepted. */
    static final Duration AT_MOST = Duration.ofMinutes(5);

    private final ReactiveJwtDecoder verifier;
    private final Clock clock;
    private final Cache<String, Jwt> verified;

    public RememberingJwtDecoder(ReactiveJwtDecoder verifier, long maximumTokens, Clock clock) {
        this.verifier = verifier;
        this.clock = clock;
        this.verified = Caffeine.newBuilder()
                .maximumSize(maximumTokens)
                .ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis()))
                .expireAfter(Expiry.<String, Jwt>creating((token, jwt) -> rememberFor(jwt)))
                .build();
    }

    @Override
    public Mono<Jwt> decode(String token) {
        Jwt known = verified.getIfPresent(token);
        if (known != null && stillValid(known)) {
            return Mono.just(known);
        }
        return verifier.decode(token).doOnNext(jwt -> verified.put(token, jwt));
    }

    /** Whether {@code token} was verified here and is still valid: it is one of ours, whatever it says. */
    public boolean remembers(String token) {
        Jwt known = verified.getIfPresent(token);
        return known != null && stillValid(known);
    }

    private boolean stillValid(Jwt jwt) {
        return jwt.getExpiresAt() != null && clock.instant().isBefore(jwt.getExpiresAt());
    }

    private Duration rememberFor(Jwt jwt) {
        Instant expiresAt = jwt.getExpiresAt();
        if (expiresAt == null) {
            return Duration.ZERO;
        }
        Duration left = Duration.between(clock.instant(), expiresAt);
        return left.isNegative() ? Duration.ZERO : left.compareTo(AT_MOST) > 0 ? AT_MOST : left;
    }
}
