package dev.parley.gateway.presence.application;

import dev.parley.gateway.conversation.application.ConversationCommand;
import dev.parley.gateway.conversation.application.Conversations;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The agents of a customer's open conversations, as that customer: their list (the first
 * {@value #CONVERSATIONS}, most recent first), then each open one's participants.
 */
public final class ConversationWatchers implements CustomerWatchers {

    /** A visitor rarely has more than one or two open conversations; this bounds the calls per connect. */
    private static final int CONVERSATIONS = 20;
    private static final Set<String> OPEN = Set.of("BOT", "QUEUED", "ACTIVE", "WAITING_ON_CUSTOMER");

    private final Conversations conversations;
    private final JsonMapper json;

    public ConversationWatchers(Conversations conversations, JsonMapper json) {
        this.conversations = conversations;
        this.json = json;
    }

    @Override
    public Mono<Set<UUID>> agentsOf(UUID customerId, String customerToken) {
        return call(customerToken, new ConversationCommand.ListConversations("mine", null, null, CONVERSATIONS))
                .flatMapMany(page -> Flux.fromIterable(page.path("conversations")))
                .filter(summary -> OPEN.contains(summary.path("status").asString("")))
                .flatMap(summary -> call(customerToken,
                        new ConversationCommand.Open(UUID.fromString(summary.path("id").asString()))))
                .flatMapIterable(detail -> detail.path("participants"))
                .filter(participant -> "AGENT".equals(participant.path("role").asString(null))
                        && (participant.path("leftAt").isNull() || participant.path("leftAt").isMissingNode()))
                .map(participant -> UUID.fromString(participant.path("userId").asString()))
                .collect(Collectors.toSet());
    }

    private Mono<JsonNode> call(String token, ConversationCommand command) {
        return conversations.call(token, command).map(answer -> json.readTree(answer.utf8()));
    }
}
