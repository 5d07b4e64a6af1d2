package dev.parley.serviceclient;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;

/**
 * A service's SERVICE token (the assignment worker's, a gateway's), from
 * {@code POST /internal/v1/auth/service-token} of conversation-service with its client credentials. Kept until {@code refreshBefore} ahead of its expiry, then replaced on the next use,
 * so no call goes out with a token about to expire; concurrent callers share one fetch.
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

    /** A token valid for at least a little longer. */
    public Mono<String> token() {
        return token(true);
    }

    /** {@code mayRenew} false: use what is there, even if due, so a short-lived grant cannot loop. */
    private Mono<String> token(boolean mayRenew) {
        return Mono.defer(() -> {
            Mono<Token> cached = current.get();
            if (cached == null) {
                Mono<Token> fetch = fetch();
                current.compareAndSet(null, fetch);
                cached = current.get();
            }
            Mono<Token> used = cached;
            return used.flatMap(token -> {
                if (!mayRenew || clock.instant().isBefore(token.renewAt())) {
                    return Mono.just(token.value());
                }
                current.compareAndSet(used, null);
                return token(false);
            });
        });
    }

    /** Drops the token, e.g. after a 401, so the next call fetches a new one. */
    public void forget() {
        current.set(null);
    }

    private Mono<Token> fetch() {
        Mono<Token> fetch = client.post().uri("/internal/v1/auth/service-token")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(new TokenRequest(clientId, clientSecret))
                .retrieve()
                .bodyToMono(TokenGrant.class)
                .map(grant -> {
                    Duration life = Duration.ofSeconds(grant.expiresIn());
                    Duration margin = refreshBefore.compareTo(life.dividedBy(2)) < 0 ? refreshBefore : life.dividedBy(2);
                    return new Token(grant.accessToken(), clock.instant().plus(life).minus(margin));
                })
                .doOnError(e -> forget());
        return fetch.cache(token -> Duration.ofDays(365), e -> Duration.ZERO, () -> Duration.ZERO);
    }
}
