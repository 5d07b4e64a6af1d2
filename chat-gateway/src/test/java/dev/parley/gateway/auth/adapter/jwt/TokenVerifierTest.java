package dev.parley.gateway.auth.adapter.jwt;

import dev.parley.gateway.auth.application.Tokens;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

class TokenVerifierTest {

    private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();

    /** Nothing listens on port 9 (discard) here: the key fetch fails. */
    private final TokenVerifier verifier = TokenVerifier.againstJwks("http://127.0.0.1:9/.well-known/jwks.json", "parley", "parley");

    @Test
    void unreachableKeysAreNotMistakenForABadToken() {
        String token = part("{\"alg\":\"RS256\",\"kid\":\"k1\"}") + "." + part("{\"sub\":\"x\"}") + "." + part("sig");

        StepVerifier.create(verifier.verify(token)).expectError(Tokens.KeysUnavailable.class).verify();
    }

    @Test
    void garbageIsRefusedWithoutFetchingKeys() {
        StepVerifier.create(verifier.verify("not-a-jwt"))
                .expectErrorMatches(error -> error instanceof Tokens.Refused refused && !refused.forbidden())
                .verify();
    }

    @Test
    void aMissingTokenIsRefused() {
        StepVerifier.create(verifier.verify(null)).expectError(Tokens.Refused.class).verify();
    }

    private static String part(String json) {
        return URL.encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
