package dev.parley.gateway.presence.adapter.http;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;

/**
 * The gateway's SERVICE token, from {@code POST /internal/v1/auth/service-token} with its client
 * credentials ({@code parley.identity.services.<client-id>.secret} at conversation-service). Kept
 * until {@code refreshBefore} ahead of its expiry (at most half its life), then fetched again on the
 * next use; concurrent callers share one fetch, and a failed fetch is not cached.
 */
public final class ServiceTokens {

    private final WebClient client;
    private final String clientId;
    private final String clientSecret;
    private final Duration refreshBefore;
    private final Clock clock;
    private final AtomicReference<Mono<Token>> current = new AtomicReference<>();

    public ServiceTokens(WebClient client, String clientId, String clientSecret, Duration refreshBefore, Clock clock) {
        this.client = client;
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.refreshBefore = refreshBefore;
        this.clock = clock;
    }

    record TokenRequest(String clientId, String clientSecret) {
    }

    record TokenGrant(String accessToken, long expiresIn) {
    }

    private record Token(String value, Instant renewAt) {
    }

    /** A token valid for a while longer. */
    public Mono<String> token() {
        return Mono.defer(() -> {
            Mono<Token> cached = current.get();
            if (cached == null) {
                current.compareAndSet(null, fetch());
                cached = current.get();
            }
            Mono<Token> used = cached;
            return used.map(token -> {
                if (!clock.instant().isBefore(token.renewAt())) {
                    current.compareAndSet(used, null); // this call still uses it; the next one fetches
                }
                return token.value();
            });
        });
    }

    /** Drops the token (after a 401), so the next call fetches a new one. */
    public void forget() {
        current.set(null);
    }

    private Mono<Token> fetch() {
        return client.post().uri("/internal/v1/auth/service-token")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(new TokenRequest(clientId, clientSecret))
                .retrieve()
                .bodyToMono(TokenGrant.class)
                .map(grant -> {
                    Duration life = Duration.ofSeconds(grant.expiresIn());
                    Duration margin = refreshBefore.compareTo(life.dividedBy(2)) < 0 ? refreshBefore : life.dividedBy(2);
                    return new Token(grant.accessToken(), clock.instant().plus(life).minus(margin));
                })
                .doOnError(error -> forget())
                .cache(token -> Duration.ofDays(365), error -> Duration.ZERO, () -> Duration.ZERO);
    }
}
