package dev.parley.conversation.identity.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProvidedIdentityTest {

    @Test
    void aVerifiedEmailVouches() {
        assertThat(new ProvidedIdentity(Optional.of("bob@parley.example"), Optional.of(true)).vouchedEmail()).contains("bob@parley.example");
    }

    @Test
    void aProviderThatSaysNothingIsTrustedAsForBearerTokens() {
        assertThat(new ProvidedIdentity(Optional.of("bob@parley.example"), Optional.empty()).vouchedEmail()).contains("bob@parley.example");
    }

    @Test
    void anUnverifiedOrMissingEmailVouchesForNobody() {
        assertThat(new ProvidedIdentity(Optional.of("bob@parley.example"), Optional.of(false)).vouchedEmail()).isEmpty();
        assertThat(new ProvidedIdentity(Optional.empty(), Optional.of(true)).vouchedEmail()).isEmpty();
        assertThat(new ProvidedIdentity(Optional.of(" "), Optional.of(true)).vouchedEmail()).isEmpty();
    }
}
