package dev.parley.conversation.identity;

import static dev.parley.conversation.identity.IdentityCast.ACME;
import static dev.parley.conversation.identity.IdentityCast.ADA;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;

/**
 * The widget reads what the admin set for its inbox (title, colour, greeting, pre-chat form) by the
 * public key, without a token, from any site; nothing secret is in it.
 */
class WidgetSettingsIT extends RunningService {

    @Test
    void theWidgetShowsWhatTheAdminSetForItsInbox() {
        http.put().uri("/api/v1/admin/inboxes/" + ACME.id()).header(HttpHeaders.AUTHORIZATION, "Bearer " + login(ADA).accessToken())
                .bodyValue(Map.of("name", "Acme", "defaultDepartmentId", IdentityCast.SUPPORT, "allowedOrigins", ACME.allowedOrigins(),
                        "widgetTitle", "Acme help", "widgetColour", "#1a73e8", "greeting", "Hi! Ask us anything.", "preChatForm", true))
                .exchange().expectStatus().isOk();

        http.get().uri("/api/v1/widget/inboxes/" + ACME.publicKey()).header(HttpHeaders.ORIGIN, "https://anywhere.example").exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "https://anywhere.example")
                .expectBody()
                .jsonPath("$.title").isEqualTo("Acme help")
                .jsonPath("$.colour").isEqualTo("#1a73e8")
                .jsonPath("$.greeting").isEqualTo("Hi! Ask us anything.")
                .jsonPath("$.preChatForm").isEqualTo(true)
                .jsonPath("$.allowedOrigins").doesNotExist()
                .jsonPath("$.hmacSecret").doesNotExist();
    }

    @Test
    void anUnknownKeyIsANotFoundProblem() {
        http.get().uri("/api/v1/widget/inboxes/no-such-key").exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType("application/problem+json")
                .expectBody().jsonPath("$.code").isEqualTo("widget.inbox_unknown");
    }
}
