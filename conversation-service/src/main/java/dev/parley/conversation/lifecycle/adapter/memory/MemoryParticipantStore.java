package dev.parley.conversation.lifecycle.adapter.memory;

import dev.parley.conversation.lifecycle.application.ParticipantStore;
import dev.parley.conversation.lifecycle.domain.Participant;
import dev.parley.conversation.shared.adapter.memory.MemoryDatabase;
import java.time.Instant;
import java.util.Comparator;
import java.util.UUID;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Participants and their watermarks in memory. */
public final class MemoryParticipantStore implements ParticipantStore {

    /** The primary key of the {@code participant} table. */
    public record Key(UUID conversationId, UUID userId) {
    }

    public static final MemoryDatabase.Table<Key, Participant> PARTICIPANTS = new MemoryDatabase.Table<>("participant", Participant::conversationId);

    private final MemoryDatabase db;

    public MemoryParticipantStore(MemoryDatabase db) {
        this.db = db;
    }

    @Override
    public Mono<Boolean> join(UUID conversationId, UUID userId, Participant.Role role, Instant at) {
        return db.statement(tx -> {
            var table = db.table(PARTICIPANTS);
            var key = new Key(conversationId, userId);
            Participant current = table.get(key).orElse(null);
            if (current == null) {
                table.put(tx, key, new Participant(conversationId, userId, role, at, null, 0, null, 0, null));
                return true;
            }
            if (current.isActive()) {
                return false;
            }
            table.put(tx, key, new Participant(conversationId, userId, current.role(), at, null,
                    current.lastDeliveredSeq(), current.deliveredAt(), current.lastReadSeq(), current.readAt()));
            return true;
        });
    }

    @Override
    public Mono<Boolean> leave(UUID conversationId, UUID userId, Instant at) {
        return db.statement(tx -> {
            var key = new Key(conversationId, userId);
            Participant current = db.table(PARTICIPANTS).get(key).orElse(null);
            if (current == null || !current.isActive()) {
                return false;
            }
            db.table(PARTICIPANTS).put(tx, key, new Participant(conversationId, userId, current.role(),
                    current.joinedAt(), at, current.lastDeliveredSeq(), current.deliveredAt(), current.lastReadSeq(),
                    current.readAt()));
            return true;
        });
    }

    @Override
    public Flux<Participant> all(UUID conversationId) {
        return db.query(tx -> db.table(PARTICIPANTS).inGroup(conversationId).stream()
                .sorted(Comparator.comparing(Participant::joinedAt)).toList());
    }

    @Override
    public Mono<Participant> advanceWatermarks(UUID conversationId, UUID userId, long delivered, long read, Instant at) {
        return db.statement(tx -> db.table(PARTICIPANTS).update(tx, new Key(conversationId, userId), p -> new Participant(
                p.conversationId(), p.userId(), p.role(), p.joinedAt(), p.leftAt(),
                Math.max(p.lastDeliveredSeq(), delivered), delivered > p.lastDeliveredSeq() ? at : p.deliveredAt(),
                Math.max(p.lastReadSeq(), read), read > p.lastReadSeq() ? at : p.readAt())).orElse(null));
    }
}
