package dev.parley.conversation.identity;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Without a provider's client id, the console is told so and an exchange is refused clearly. */
class SsoNotConfiguredIT extends RunningService {

    @Test
    void theConsoleIsToldSingleSignOnIsOff() {
        http.get().uri("/api/v1/auth/sso").exchange()
                .expectStatus().isOk()
                .expectBody().json("{\"enabled\":false}", true);
    }

    @Test
    void anExchangeIsRefusedAsDisabledWhateverItCarries() {
        http.post().uri("/api/v1/auth/sso/token")
                .bodyValue(Map.of("code", "some-code", "codeVerifier", "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk",
                        "redirectUri", "http://localhost:8080/console"))
                .exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType("application/problem+json")
                .expectBody().jsonPath("$.code").isEqualTo("auth.sso_disabled");
        http.post().uri("/api/v1/auth/sso/token").bodyValue(Map.of()).exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.code").isEqualTo("auth.sso_disabled");
    }
}
