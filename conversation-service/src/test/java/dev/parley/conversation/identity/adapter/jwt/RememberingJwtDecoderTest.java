package dev.parley.conversation.identity.adapter.jwt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.testsupport.MovableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

class RememberingJwtDecoderTest {

    private static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");

    private final MovableClock clock = new MovableClock(NOW);
    private final AtomicInteger verifications = new AtomicInteger();
    private Duration lifetime = Duration.ofHours(1);
    private final ReactiveJwtDecoder verifier = token -> {
        verifications.incrementAndGet();
        if (token.startsWith("forged")) {
            return Mono.error(new BadJwtException("bad signature"));
        }
        return Mono.just(Jwt.withTokenValue(token).header("alg", "RS256").subject("user-of-" + token)
                .issuedAt(clock.instant()).expiresAt(clock.instant().plus(lifetime)).build());
    };
    private final RememberingJwtDecoder decoder = new RememberingJwtDecoder(verifier, 100, clock);

    @Test
    void aTokenSentAgainIsNotVerifiedAgain() {
        Jwt first = decoder.decode("token-a").block();
        Jwt again = decoder.decode("token-a").block();
        Jwt other = decoder.decode("token-b").block();

        assertThat(again).isSameAs(first);
        assertThat(other.getSubject()).isEqualTo("user-of-token-b");
        assertThat(verifications).hasValue(2);
    }

    @Test
    void anExpiredTokenIsVerifiedAgainSoTheVerifierRefusesIt() {
        lifetime = Duration.ofSeconds(30);
        decoder.decode("token-a").block();

        clock.set(NOW.plusSeconds(31));
        decoder.decode("token-a").block();

        assertThat(verifications).hasValue(2);
    }

    @Test
    void aRefusalIsNotRemembered() {
        assertThatThrownBy(() -> decoder.decode("forged-1").block()).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> decoder.decode("forged-1").block()).isInstanceOf(BadJwtException.class);

        assertThat(verifications).hasValue(2);
    }

    @Test
    void aLongLivedTokenIsRememberedForAFewMinutesAtMostSoARemovedKeyStopsWorking() {
        lifetime = Duration.ofDays(1);
        decoder.decode("token-a").block();
        clock.set(NOW.plus(RememberingJwtDecoder.AT_MOST).minusSeconds(1));
        decoder.decode("token-a").block();
        assertThat(verifications).hasValue(1);

        clock.set(NOW.plus(RememberingJwtDecoder.AT_MOST).plusSeconds(1));
        decoder.decode("token-a").block();

        assertThat(verifications).hasValue(2);
        assertThat(RememberingJwtDecoder.AT_MOST).isLessThanOrEqualTo(Duration.ofMinutes(5));
    }
}
