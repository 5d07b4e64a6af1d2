package dev.parley.conversation.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.TestPropertySource;

/**
 * Issue 15, defect 6: widget sessions were unthrottled, so one address could create customers
 * (rows, tokens) as fast as it could send. A small budget here; the default is in IdentityProperties.
 */
@TestPropertySource(properties = {
        "parley.identity.widget-sessions.per-client.attempts=3",
        "parley.identity.widget-sessions.per-client.period=1h"})
class WidgetSessionThrottleIT extends RunningService {

    @Test
    void oneAddressStartingMoreSessionsThanItsBudgetGetsA429WithRetryAfter() {
        for (int i = 0; i < 3; i++) {
            start().expectStatus().isOk();
        }

        var refused = start().expectStatus().isEqualTo(HttpStatus.TOO_MANY_REQUESTS)
                .expectHeader().contentType("application/problem+json")
                .expectBody().jsonPath("$.code").isEqualTo("widget.rate_limited")
                .returnResult();
        String retryAfter = refused.getResponseHeaders().getFirst(HttpHeaders.RETRY_AFTER);
        assertThat(retryAfter).isNotNull();
        assertThat(Long.parseLong(retryAfter)).isBetween(1L, 3600L);
    }

    private org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec start() {
        return http.post().uri("/api/v1/widget/sessions")
                .header(HttpHeaders.ORIGIN, IdentityCast.ACME.allowedOrigins().get(0))
                .bodyValue(Map.of("inboxKey", IdentityCast.ACME.publicKey())).exchange();
    }
}
