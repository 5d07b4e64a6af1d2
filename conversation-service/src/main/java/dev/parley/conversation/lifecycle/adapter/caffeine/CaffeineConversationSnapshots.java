package dev.parley.conversation.lifecycle.adapter.caffeine;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.parley.conversation.lifecycle.application.ConversationSnapshots;
import dev.parley.conversation.lifecycle.application.ConversationStore;
import dev.parley.conversation.lifecycle.domain.ConversationSnapshot;
import java.time.Duration;
import java.util.UUID;
import reactor.core.publisher.Mono;

/**
 * Snapshots in a Caffeine cache, bounded in size and in age: an idle conversation's snapshot goes
 * after {@code idleFor}, so memory follows the conversations in flight, not all there are.
 */
public final class CaffeineConversationSnapshots implements ConversationSnapshots {

    private final ConversationStore store;
    private final Cache<UUID, ConversationSnapshot> cache;

    public CaffeineConversationSnapshots(ConversationStore store, long maximumSize, Duration idleFor) {
        this.store = store;
        this.cache = Caffeine.newBuilder().maximumSize(maximumSize).expireAfterAccess(idleFor).build();
    }

    @Override
    public Mono<ConversationSnapshot> get(UUID conversationId) {
        ConversationSnapshot cached = cache.getIfPresent(conversationId);
        if (cached != null) {
            return Mono.just(cached);
        }
        // Two readers may load at once; both read committed state, and the later put is as good.
        return store.snapshot(conversationId).doOnNext(loaded -> cache.asMap().merge(conversationId, loaded,
                (present, fresh) -> present.conversation().lastSeq() >= fresh.conversation().lastSeq() ? present : fresh));
    }

    @Override
    public void saved(ConversationSnapshot snapshot) {
        cache.put(snapshot.id(), snapshot);
    }

    @Override
    public void forget(UUID conversationId) {
        cache.invalidate(conversationId);
    }
}
