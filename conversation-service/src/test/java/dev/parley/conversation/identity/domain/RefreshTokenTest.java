package dev.parley.conversation.identity.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.conversation.identity.domain.RefreshToken.Use;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RefreshTokenTest {

    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

    @ParameterizedTest(name = "{0}")
    @CsvSource(nullValues = "none", value = {
            // case,                     expires in (s), rotated, revoked, use
            "fresh,                       60,  false, false, VALID",
            "expired_this_instant,        0,   false, false, EXPIRED",
            "expired_long_ago,            -60, false, false, EXPIRED",
            "rotated_presented_again,     60,  true,  false, REUSED",
            "rotated_and_expired,         -60, true,  false, REUSED",
            "revoked_by_logout,           60,  false, true,  REVOKED",
            "rotated_then_family_revoked, 60,  true,  true,  REVOKED",
    })
    void whatPresentingATokenAmountsTo(String name, long expiresInSeconds, boolean rotated, boolean revoked, Use use) {
        var token = new RefreshToken(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
                NOW.plusSeconds(expiresInSeconds),
                rotated ? Optional.of(NOW.minusSeconds(5)) : Optional.empty(),
                revoked ? Optional.of(NOW.minusSeconds(1)) : Optional.empty());

        assertThat(token.use(NOW)).isEqualTo(use);
    }
}
