package dev.parley.conversation.identity;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Issue 15, defect 3: behind an ingress every request came from the proxy's address, so one
 * visitor's exhausted budget locked out every other. Here the test is the trusted proxy.
 */
@TestPropertySource(properties = {
        "parley.client-address.header=X-Forwarded-For",
        "parley.client-address.trusted-proxies=127.0.0.0/8,::1/128",
        "parley.identity.widget-sessions.per-client.attempts=2",
        "parley.identity.widget-sessions.per-client.period=1h"})
class ClientAddressBehindAProxyIT extends RunningService {

    @Test
    void eachClientBehindTheTrustedProxyHasABudgetOfItsOwn() {
        start("203.0.113.5").expectStatus().isOk();
        start("198.51.100.1, 203.0.113.5").expectStatus().isOk();
        start("203.0.113.5").expectStatus().isEqualTo(HttpStatus.TOO_MANY_REQUESTS);

        start("203.0.113.9").expectStatus().isOk();
    }

    @Test
    void addressesTheClientWroteBeforeTheProxysEntryAreNotBelieved() {
        start("192.0.2.77").expectStatus().isOk();
        start("192.0.2.77").expectStatus().isOk();

        start("10.9.9.9, 192.0.2.77").expectStatus().isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
    }

    private WebTestClient.ResponseSpec start(String forwardedFor) {
        return http.post().uri("/api/v1/widget/sessions")
                .header(HttpHeaders.ORIGIN, IdentityCast.ACME.allowedOrigins().get(0))
                .header("X-Forwarded-For", forwardedFor)
                .bodyValue(Map.of("inboxKey", IdentityCast.ACME.publicKey())).exchange();
    }
}
