package dev.parley.conversation.reading.adapter.memory;

import dev.parley.conversation.identity.adapter.memory.MemoryCustomers;
import dev.parley.conversation.lifecycle.adapter.memory.ConversationRow;
import dev.parley.conversation.lifecycle.adapter.memory.MemoryParticipantStore;
import dev.parley.conversation.lifecycle.domain.Conversation;
import dev.parley.conversation.lifecycle.domain.ConversationStatus;
import dev.parley.conversation.lifecycle.domain.Participant;
import dev.parley.conversation.messaging.adapter.memory.MemoryMessageStore;
import dev.parley.conversation.messaging.adapter.memory.MemoryReactionStore;
import dev.parley.conversation.messaging.domain.Message;
import dev.parley.conversation.messaging.domain.MessageKind;
import dev.parley.conversation.reading.application.ConversationQueries;
import dev.parley.conversation.shared.adapter.memory.MemoryDatabase;
import dev.parley.conversation.shared.adapter.memory.MemoryEventLog;
import dev.parley.conversation.shared.adapter.memory.PostgresOrder;
import dev.parley.events.EventEnvelope;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The read side over the in-memory tables, answering as the SQL of {@code R2dbcConversationQueries} does. */
public final class MemoryConversationQueries implements ConversationQueries {

    private static final String ASSIGNED = "conversation.assigned";
    /** As the SQL: the last 20 assignments within the last hour. */
    private static final int RECENT_ASSIGNMENTS = 20;
    private static final Duration RECENT = Duration.ofHours(1);
    private static final int PREVIEW_LENGTH = 140;
    /** Requeued (priority) first, then oldest first: the order of the {@code conversation_queue} index. */
    private static final Comparator<Conversation> QUEUE_ORDER = Comparator.comparing(Conversation::queuePriority).reversed()
            .thenComparing(Conversation::queuedAt, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(Conversation::id, PostgresOrder.UUIDS);
    /** Newest activity first, then id descending: the order of the list indexes. */
    private static final Comparator<Conversation> LIST_ORDER = Comparator.comparing(Conversation::lastActivityAt)
            .thenComparing(Conversation::id, PostgresOrder.UUIDS).reversed();

    private final MemoryDatabase db;
    private final Clock clock;

    public MemoryConversationQueries(MemoryDatabase db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    @Override
    public Flux<Message> messages(UUID conversationId, Long beforeSeq, Long afterSeq, int limit, boolean includeNotes) {
        // Walks the seqs from the cursor through the (conversation, seq) key, as PostgreSQL walks its
        // index: a page costs its length plus the seqs of events that are not messages, not the history.
        return db.query(tx -> {
            long last = db.table(ConversationRow.TABLE).get(conversationId).map(row -> row.conversation().lastSeq()).orElse(0L);
            boolean forward = afterSeq != null;
            long seq = forward ? afterSeq + 1 : Math.min(beforeSeq != null ? beforeSeq - 1 : last, last);
            List<Message> page = new ArrayList<>();
            for (; page.size() < limit && seq >= 1 && seq <= last; seq += forward ? 1 : -1) {
                MemoryMessageStore.atSeq(db, conversationId, seq)
                        .filter(m -> includeNotes || m.kind() != MessageKind.NOTE).ifPresent(page::add);
            }
            return page;
        });
    }

    @Override
    public Flux<ReactionCount> reactions(List<UUID> messageIds, boolean includeNotes) {
        if (messageIds.isEmpty()) {
            return Flux.empty();
        }
        var wanted = new HashSet<>(messageIds);
        return db.query(tx -> {
            var messages = db.table(MemoryMessageStore.MESSAGES);
            var reactions = wanted.stream()
                    .filter(id -> includeNotes || messages.get(id).map(m -> m.kind() != MessageKind.NOTE).orElse(false))
                    .flatMap(id -> db.table(MemoryReactionStore.REACTIONS).inGroup(id).stream())
                    .sorted(Comparator.comparing(MemoryReactionStore.Reaction::at))
                    .map(MemoryReactionStore.Reaction::key)
                    .toList();
            // Grouped by message and emoji; groups ordered by message, then by their first reaction.
            Map<List<Object>, List<UUID>> groups = new LinkedHashMap<>();
            reactions.forEach(r -> groups.computeIfAbsent(List.of(r.messageId(), r.emoji()),
                    ignored -> new ArrayList<>()).add(r.userId()));
            return groups.entrySet().stream()
                    .map(group -> new ReactionCount((UUID) group.getKey().get(0), (String) group.getKey().get(1),
                            List.copyOf(group.getValue())))
                    .sorted(Comparator.comparing(ReactionCount::messageId, PostgresOrder.UUIDS))
                    .toList();
        });
    }

    @Override
    public Flux<ConversationSummary> list(ListFilter filter, UUID caller, boolean callerIsAgent, Position after, int limit) {
        List<UUID> departments = filter.departmentIds() == null ? List.of() : filter.departmentIds();
        return db.query(tx -> conversations()
                .filter(c -> filter.customerId() == null || c.customerId().equals(filter.customerId()))
                .filter(c -> filter.ownerId() == null || filter.ownerId().equals(c.ownerId()))
                .filter(c -> filter.allDepartments() || filter.customerId() != null || filter.ownerId() != null
                        || departments.contains(c.departmentId()))
                .filter(c -> filter.statuses().isEmpty() || filter.statuses().contains(c.status().name()))
                .filter(c -> after == null || LIST_ORDER.compare(c, positionOf(after)) > 0)
                .sorted(LIST_ORDER)
                .limit(limit)
                .map(c -> summary(c, unread(c, caller, callerIsAgent), preview(c.id())))
                .toList());
    }

    @Override
    public Flux<ConversationSummary> queue(UUID departmentId, int limit) {
        return db.query(tx -> waiting(departmentId).sorted(QUEUE_ORDER).limit(limit)
                .map(c -> summary(c, 0, null)).toList());
    }

    @Override
    public Mono<UUID> lastAssignee(UUID departmentId) {
        return db.statement(tx -> conversations()
                .filter(c -> c.departmentId().equals(departmentId) && c.ownerId() != null
                        && (c.status() == ConversationStatus.ACTIVE || c.status() == ConversationStatus.WAITING_ON_CUSTOMER))
                .sorted(Comparator.comparing((Conversation c) -> lastAssignedAt(c.id()),
                                Comparator.nullsLast(Comparator.<Instant>reverseOrder()))
                        .thenComparing(Conversation::id, PostgresOrder.UUIDS))
                .map(Conversation::ownerId).findFirst().orElse(null));
    }

    @Override
    public Mono<Integer> positionInQueue(UUID conversationId) {
        return db.statement(tx -> db.table(ConversationRow.TABLE).get(conversationId).map(ConversationRow::conversation)
                .map(me -> (int) waiting(me.departmentId()).filter(ahead -> isAhead(ahead, me)).count() + 1)
                .orElse(null));
    }

    @Override
    public Mono<Duration> recentAssignmentInterval(UUID departmentId) {
        Instant since = clock.instant().minus(RECENT);
        return db.statement(tx -> {
            List<Instant> recent = assignments().filter(e -> e.occurredAt().isAfter(since))
                    .filter(e -> department(e.conversationId()).map(departmentId::equals).orElse(false))
                    .map(EventEnvelope::occurredAt).sorted(Comparator.reverseOrder()).limit(RECENT_ASSIGNMENTS).toList();
            if (recent.size() < 2) {
                return null;
            }
            Duration span = Duration.between(recent.get(recent.size() - 1), recent.get(0));
            Duration interval = span.dividedBy(recent.size() - 1);
            return interval.isZero() ? null : interval;
        });
    }

    /** As the SQL's row comparison: priority first, then earlier queued, then smaller id. */
    private static boolean isAhead(Conversation ahead, Conversation me) {
        return QUEUE_ORDER.compare(ahead, me) < 0;
    }

    private Stream<Conversation> waiting(UUID departmentId) {
        return conversations().filter(c -> c.status() == ConversationStatus.QUEUED && c.departmentId().equals(departmentId));
    }

    private Stream<Conversation> conversations() {
        return db.table(ConversationRow.TABLE).all().stream().map(ConversationRow::conversation);
    }

    private Optional<UUID> department(UUID conversationId) {
        return db.table(ConversationRow.TABLE).get(conversationId).map(row -> row.conversation().departmentId());
    }

    private Stream<EventEnvelope> assignments() {
        return db.table(MemoryEventLog.EVENTS).all().stream().filter(e -> ASSIGNED.equals(e.type()));
    }

    private Instant lastAssignedAt(UUID conversationId) {
        return db.table(MemoryEventLog.EVENTS).inGroup(conversationId).stream().filter(e -> ASSIGNED.equals(e.type()))
                .map(EventEnvelope::occurredAt)
                .max(Comparator.naturalOrder()).orElse(null);
    }

    private long unread(Conversation c, UUID caller, boolean callerIsAgent) {
        long read = db.table(MemoryParticipantStore.PARTICIPANTS).get(new MemoryParticipantStore.Key(c.id(), caller))
                .map(Participant::lastReadSeq).orElse(0L);
        return messagesOf(c.id()).filter(m -> m.seq() > read && m.deletedAt() == null && !Objects.equals(m.senderId(), caller)
                && m.kind() != MessageKind.SYSTEM && (callerIsAgent || m.kind() != MessageKind.NOTE)).count();
    }

    private String preview(UUID conversationId) {
        return messagesOf(conversationId)
                .filter(m -> m.deletedAt() == null && (m.kind() == MessageKind.TEXT || m.kind() == MessageKind.BOT))
                .max(Comparator.comparingLong(Message::seq))
                .map(m -> m.body() == null ? null : m.body().substring(0, Math.min(m.body().length(), PREVIEW_LENGTH)))
                .orElse(null);
    }

    private ConversationSummary summary(Conversation c, long unread, String preview) {
        String customerName = db.table(MemoryCustomers.CUSTOMERS).get(c.customerId())
                .map(MemoryCustomers.CustomerRow::name).orElse(null);
        return new ConversationSummary(c.id(), c.inboxId(), c.customerId(), customerName, c.departmentId(),
                c.status().name(), c.ownerId(), c.lastSeq(), c.queuedAt(), c.lastActivityAt(), unread, preview);
    }

    private static Conversation positionOf(Position after) {
        return new Conversation(after.id(), null, null, null, null, null, 0, null, false, null, after.lastActivityAt());
    }

    private Stream<Message> messagesOf(UUID conversationId) {
        return db.table(MemoryMessageStore.MESSAGES).inGroup(conversationId).stream();
    }
}
