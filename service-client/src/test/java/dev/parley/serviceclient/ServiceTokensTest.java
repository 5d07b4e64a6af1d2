package dev.parley.serviceclient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.testsupport.MovableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;

class ServiceTokensTest {

    private final MovableClock clock = new MovableClock(Instant.parse("2026-11-21T12:00:00Z"));
    private final AtomicInteger fetches = new AtomicInteger();
    private long lifetimeSeconds = 600;
    private HttpStatus answer = HttpStatus.OK;

    private final WebClient client = WebClient.builder().exchangeFunction(request -> {
        int n = fetches.incrementAndGet();
        return Mono.just(ClientResponse.create(answer)
                .header(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON_VALUE)
                .body("{\"accessToken\":\"token-" + n + "\",\"tokenType\":\"Bearer\",\"expiresIn\":" + lifetimeSeconds + "}")
                .build());
    }).build();
    private final ServiceTokens tokens = new ServiceTokens(client, "assignment-worker", "secret", Duration.ofSeconds(60), clock);

    @Test
    void aTokenIsReusedUntilAMinuteBeforeItExpiresThenReplaced() {
        assertThat(tokens.token().block()).isEqualTo("token-1");
        clock.advance(Duration.ofSeconds(539));
        assertThat(tokens.token().block()).isEqualTo("token-1");

        clock.advance(Duration.ofSeconds(2));

        assertThat(tokens.token().block()).isEqualTo("token-2");
        assertThat(fetches).hasValue(2);
    }

    @Test
    void aShortLivedTokenIsReplacedAtHalfItsLife() {
        lifetimeSeconds = 60;
        assertThat(tokens.token().block()).isEqualTo("token-1");

        clock.advance(Duration.ofSeconds(31));

        assertThat(tokens.token().block()).isEqualTo("token-2");
    }

    @Test
    void aGrantThatIsAlreadyDueIsFetchedAtMostOnceMorePerCallNotForever() {
        lifetimeSeconds = 0;

        assertThat(tokens.token().block()).isEqualTo("token-2");
        assertThat(tokens.token().block()).isEqualTo("token-3");
        assertThat(fetches).hasValue(3);
    }

    @Test
    void aRefusedFetchIsNotKeptAndTheNextCallTriesAgain() {
        answer = HttpStatus.UNAUTHORIZED;
        assertThatThrownBy(() -> tokens.token().block()).isNotNull();

        answer = HttpStatus.OK;

        assertThat(tokens.token().block()).isEqualTo("token-2");
    }

    @Test
    void aForgottenTokenIsFetchedAgain() {
        assertThat(tokens.token().block()).isEqualTo("token-1");

        tokens.forget();

        assertThat(tokens.token().block()).isEqualTo("token-2");
    }

}
