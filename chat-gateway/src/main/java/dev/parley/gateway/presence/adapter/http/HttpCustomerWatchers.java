package dev.parley.gateway.presence.adapter.http;

import dev.parley.gateway.conversation.adapter.http.ConversationApi;
import dev.parley.gateway.presence.application.CustomerWatchers;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.http.HttpMethod;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * The agents of a customer's open conversations, as that customer: their list (the first
 * {@value #CONVERSATIONS}, most recent first), then each open one's participants.
 */
public final class HttpCustomerWatchers implements CustomerWatchers {

    /** A visitor rarely has more than one or two open conversations; this bounds the calls per connect. */
    private static final int CONVERSATIONS = 20;
    private static final Set<String> OPEN = Set.of("BOT", "QUEUED", "ACTIVE", "WAITING_ON_CUSTOMER");

    private final ConversationApi api;

    public HttpCustomerWatchers(ConversationApi api) {
        this.api = api;
    }

    @Override
    public Mono<Set<UUID>> agentsOf(UUID customerId, String customerToken) {
        return api.call(customerToken, HttpMethod.GET, "/api/v1/conversations?view=mine&limit={limit}",
                        Map.of("limit", CONVERSATIONS), null)
                .flatMapMany(page -> Flux.fromIterable(page.path("conversations")))
                .filter(summary -> OPEN.contains(summary.path("status").asString("")))
                .flatMap(summary -> api.call(customerToken, HttpMethod.GET, "/api/v1/conversations/{id}",
                        Map.of("id", summary.path("id").asString()), null))
                .flatMapIterable(detail -> detail.path("participants"))
                .filter(participant -> "AGENT".equals(participant.path("role").asString(null))
                        && (participant.path("leftAt").isNull() || participant.path("leftAt").isMissingNode()))
                .map(participant -> UUID.fromString(participant.path("userId").asString()))
                .collect(Collectors.toSet());
    }
}
