package dev.parley.conversation.identity.adapter.jwt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class KeySealerTest {

    private static final String SECRET = "k".repeat(KeySealer.MIN_SECRET_LENGTH);
    private static final byte[] JWK = "{\"kty\":\"RSA\",\"d\":\"private\"}".getBytes(StandardCharsets.UTF_8);

    private final KeySealer sealer = KeySealer.withSecret(SECRET);

    @Test
    void aSealedKeyOpensWithTheSameSecretAndKeyId() {
        byte[] sealed = sealer.seal("kid-1", JWK);

        assertThat(sealed).isNotEqualTo(JWK);
        assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("private");
        assertThat(sealer.open("kid-1", sealed, true)).isEqualTo(JWK);
    }

    @Test
    void sealingTwiceGivesDifferentBytesThanksToAFreshNonce() {
        assertThat(sealer.seal("kid-1", JWK)).isNotEqualTo(sealer.seal("kid-1", JWK));
    }

    @Test
    void aSealedKeyDoesNotOpenUnderAnotherSecret() {
        byte[] sealed = sealer.seal("kid-1", JWK);

        assertThatThrownBy(() -> KeySealer.withSecret("x".repeat(40)).open("kid-1", sealed, true))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("kid-1");
    }

    @Test
    void aSealedKeyMovedToAnotherKeyIdDoesNotOpen() {
        byte[] sealed = sealer.seal("kid-1", JWK);

        assertThatThrownBy(() -> sealer.open("kid-2", sealed, true)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void anAlteredByteIsDetected() {
        byte[] sealed = sealer.seal("kid-1", JWK);
        sealed[sealed.length - 1] ^= 1;

        assertThatThrownBy(() -> sealer.open("kid-1", sealed, true)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void withoutASecretKeysAreStoredAsTheyAreAndSealedOnesAreRefusedClearly() {
        KeySealer none = KeySealer.withSecret("");

        assertThat(none.encrypts()).isFalse();
        assertThat(none.seal("kid-1", JWK)).isEqualTo(JWK);
        assertThat(none.open("kid-1", JWK, false)).isEqualTo(JWK);
        assertThatThrownBy(() -> none.open("kid-1", sealer.seal("kid-1", JWK), true))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("encryption-secret");
    }

    @Test
    void aShortSecretIsRefusedAtStartup() {
        assertThatThrownBy(() -> KeySealer.withSecret("too-short"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("32");
    }
}
