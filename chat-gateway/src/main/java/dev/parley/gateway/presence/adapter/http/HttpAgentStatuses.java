package dev.parley.gateway.presence.adapter.http;

import dev.parley.gateway.presence.application.AgentStatuses;
import dev.parley.serviceclient.ServiceTokens;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientResponseException;
import reactor.core.publisher.Mono;

/**
 * {@code PUT /internal/v1/agents/{id}/status} with the gateway's SERVICE token. A 401 (the token
 * expired or the service's keys rotated) drops the token and tries once more with a fresh one.
 */
public final class HttpAgentStatuses implements AgentStatuses {

    private final WebClient client;
    private final ServiceTokens tokens;
    private final Duration timeout;

    public HttpAgentStatuses(WebClient client, ServiceTokens tokens, Duration timeout) {
        this.client = client;
        this.tokens = tokens;
        this.timeout = timeout;
    }

    @Override
    public Mono<Void> reportOffline(UUID agentId) {
        return put(agentId).onErrorResume(WebClientResponseException.Unauthorized.class, expired -> {
            tokens.forget();
            return put(agentId);
        });
    }

    private Mono<Void> put(UUID agentId) {
        return tokens.token().flatMap(token -> client.put().uri("/internal/v1/agents/{id}/status", agentId)
                        .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                        .contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(Map.of("status", "OFFLINE"))
                        .retrieve()
                        .toBodilessEntity())
                .timeout(timeout)
                .then();
    }
}
