package dev.parley.system.assignment;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;

/** The conversation service's HTTP API as customers and the tests' own service client use it. */
final class Api {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private final WebClient client;

    Api(int port) {
        client = WebClient.builder().baseUrl("http://127.0.0.1:" + port).build();
    }

    record Session(String token, UUID customerId) {
    }

    record Conversation(UUID id, String status, UUID ownerId) {
    }

    record Token(String accessToken) {
    }

    Session customer(String inboxKey) {
        return client.post().uri("/api/v1/widget/sessions").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("inboxKey", inboxKey)).retrieve().bodyToMono(Session.class).block(PATIENCE);
    }

    /** Starts a conversation, queued at once (the inboxes of the cast have no bot). */
    UUID start(Session customer) {
        return starting(customer).block(PATIENCE);
    }

    Mono<UUID> starting(Session customer) {
        return client.post().uri("/api/v1/conversations").headers(h -> h.setBearerAuth(customer.token()))
                .retrieve().bodyToMono(Conversation.class).map(Conversation::id);
    }

    void resolve(Session customer, UUID conversation) {
        resolving(customer, conversation).block(PATIENCE);
    }

    Mono<Void> resolving(Session customer, UUID conversation) {
        return client.post().uri("/api/v1/conversations/{id}/resolve", conversation)
                .headers(h -> h.setBearerAuth(customer.token()))
                .retrieve().toBodilessEntity().then();
    }

    /** Sets an agent's status as a service would (the gateway reports OFFLINE this way). */
    void status(UUID agent, String status) {
        String token = client.post().uri("/internal/v1/auth/service-token").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("clientId", Suite.WORKER_CLIENT, "clientSecret", Suite.WORKER_SECRET))
                .retrieve().bodyToMono(Token.class).block(PATIENCE).accessToken();
        client.put().uri("/internal/v1/agents/{id}/status", agent).headers(h -> h.setBearerAuth(token))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("status", status))
                .retrieve().toBodilessEntity().block(PATIENCE);
    }
}
