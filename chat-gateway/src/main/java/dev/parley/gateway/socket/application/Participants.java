package dev.parley.gateway.socket.application;

import dev.parley.gateway.conversation.application.ConversationCommand;
import dev.parley.gateway.conversation.application.Conversations;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The active participants of conversations, for typing signals, fetched from the detail endpoint
 * with the asking user's token (so a user who may not see the conversation gets its refusal) and
 * cached for a short time. The cache is per node and only ever answers users who were allowed to
 * read it within the TTL.
 */
final class Participants {

    /** Conversations whose participants one node keeps at most; the least recently written go first. */
    static final int MAXIMUM = 50_000;

    private record Entry(Set<UUID> users, Set<UUID> allowed, Instant expires) {
    }

    private final Conversations conversations;
    private final JsonMapper json;
    private final Clock clock;
    private final Duration ttl;
    /** Bounded and evicting (a node sees many conversations over a day); the TTL is checked on read against the clock too. */
    private final Cache<UUID, Entry> cache;

    Participants(Conversations conversations, JsonMapper json, Clock clock, Duration ttl) {
        this.conversations = conversations;
        this.json = json;
        this.clock = clock;
        this.ttl = ttl;
        this.cache = Caffeine.newBuilder().maximumSize(MAXIMUM).expireAfterWrite(ttl).build();
    }

    Mono<Set<UUID>> of(UUID conversationId, UUID asker, String token) {
        Entry entry = cache.getIfPresent(conversationId);
        if (entry != null && entry.expires().isAfter(clock.instant()) && entry.allowed().contains(asker)) {
            return Mono.just(entry.users());
        }
        return conversations.call(token, new ConversationCommand.Open(conversationId))
                .map(answer -> json.readTree(answer.utf8()))
                .map(detail -> {
                    Set<UUID> users = new HashSet<>();
                    for (JsonNode participant : detail.path("participants")) {
                        if (participant.path("leftAt").isNull() || participant.path("leftAt").isMissingNode()) {
                            users.add(UUID.fromString(participant.path("userId").asString()));
                        }
                    }
                    Set<UUID> allowed = ConcurrentHashMap.newKeySet();
                    allowed.add(asker);
                    if (entry != null && entry.expires().isAfter(clock.instant())) {
                        allowed.addAll(entry.allowed());
                    }
                    cache.put(conversationId, new Entry(Set.copyOf(users), allowed, clock.instant().plus(ttl)));
                    return Set.copyOf(users);
                });
    }
}
