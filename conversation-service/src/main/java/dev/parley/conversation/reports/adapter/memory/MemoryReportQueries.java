package dev.parley.conversation.reports.adapter.memory;

import dev.parley.conversation.directory.adapter.memory.MemoryDirectoryStore;
import dev.parley.conversation.lifecycle.adapter.memory.ConversationRow;
import dev.parley.conversation.lifecycle.domain.Conversation;
import dev.parley.conversation.messaging.adapter.memory.MemoryMessageStore;
import dev.parley.conversation.messaging.domain.Message;
import dev.parley.conversation.messaging.domain.MessageKind;
import dev.parley.conversation.reports.application.ReportingSupport.GroupBy;
import dev.parley.conversation.reports.application.ReportingSupport.ReportQueries;
import dev.parley.conversation.reports.application.SupportReport;
import dev.parley.conversation.shared.adapter.memory.MemoryDatabase;
import dev.parley.conversation.shared.adapter.memory.MemoryEventLog;
import dev.parley.events.EventEnvelope;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.UUID;
import java.util.function.Function;
import reactor.core.publisher.Flux;

/**
 * The reports of {@code R2dbcReportQueries} computed over the in-memory history, with the same
 * definitions: waiting since the first {@code conversation.queued} event, else the start; a
 * customer turn starts at a customer text whose previous text is not the customer's and is
 * answered by the next agent text.
 */
public final class MemoryReportQueries implements ReportQueries {

    private final MemoryDatabase db;

    public MemoryReportQueries(MemoryDatabase db) {
        this.db = db;
    }

    /** One conversation of the period, measured. */
    private record Measured(UUID key, Instant createdAt, Instant resolvedAt, Instant waitingSince,
                            Instant firstResponseAt, List<Double> responses) {
    }

    @Override
    public Flux<SupportReport> report(GroupBy groupBy, Instant from, Instant to) {
        Function<Conversation, UUID> key = switch (groupBy) {
            case AGENT -> Conversation::ownerId;
            case DEPARTMENT -> Conversation::departmentId;
            case INBOX -> Conversation::inboxId;
        };
        return db.query(tx -> {
            Map<UUID, List<Measured>> byKey = new LinkedHashMap<>();
            db.table(ConversationRow.TABLE).all().stream()
                    .filter(row -> !row.conversation().createdAt().isBefore(from) && row.conversation().createdAt().isBefore(to))
                    .filter(row -> key.apply(row.conversation()) != null)
                    .map(row -> measure(row, key.apply(row.conversation())))
                    .forEach(measured -> byKey.computeIfAbsent(measured.key(), ignored -> new ArrayList<>()).add(measured));
            return byKey.entrySet().stream().map(entry -> report(entry.getKey(), nameOf(groupBy, entry.getKey()), entry.getValue()))
                    .sorted(Comparator.comparingLong(SupportReport::handled).reversed()
                            .thenComparing(SupportReport::name, Comparator.nullsLast(Comparator.naturalOrder())))
                    .toList();
        });
    }

    private Measured measure(ConversationRow row, UUID key) {
        Conversation c = row.conversation();
        Instant queuedAt = db.table(MemoryEventLog.EVENTS).inGroup(c.id()).stream()
                .filter(e -> "conversation.queued".equals(e.type()))
                .map(EventEnvelope::occurredAt).min(Comparator.naturalOrder()).orElse(c.createdAt());
        List<Message> texts = db.table(MemoryMessageStore.MESSAGES).inGroup(c.id()).stream()
                .filter(m -> m.kind() == MessageKind.TEXT
                        && (m.senderKind() == Message.SenderKind.CUSTOMER || m.senderKind() == Message.SenderKind.AGENT))
                .sorted(Comparator.comparingLong(Message::seq)).toList();
        Instant firstResponse = texts.stream().filter(m -> m.senderKind() == Message.SenderKind.AGENT)
                .map(Message::createdAt).min(Comparator.naturalOrder()).orElse(null);
        return new Measured(key, c.createdAt(), row.resolvedAt(), queuedAt, firstResponse, responses(texts));
    }

    /** Seconds from each customer turn to the agent's answer; unanswered turns are left out. */
    private static List<Double> responses(List<Message> texts) {
        List<Double> responses = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            Message asked = texts.get(i);
            boolean turnStarts = asked.senderKind() == Message.SenderKind.CUSTOMER
                    && (i == 0 || texts.get(i - 1).senderKind() != Message.SenderKind.CUSTOMER);
            if (turnStarts) {
                texts.stream().skip(i + 1).filter(m -> m.senderKind() == Message.SenderKind.AGENT)
                        .map(Message::createdAt).min(Comparator.naturalOrder())
                        .ifPresent(answered -> responses.add(seconds(asked.createdAt(), answered)));
            }
        }
        return responses;
    }

    private static SupportReport report(UUID key, String name, List<Measured> conversations) {
        long handled = conversations.size();
        long resolved = conversations.stream().filter(m -> m.resolvedAt() != null).count();
        return new SupportReport(key, name, handled, resolved, handled == 0 ? null : (double) resolved / handled,
                mean(conversations.stream().filter(m -> m.firstResponseAt() != null)
                        .mapToDouble(m -> seconds(m.waitingSince(), m.firstResponseAt())).average()),
                mean(conversations.stream().flatMap(m -> m.responses().stream()).mapToDouble(Double::doubleValue).average()),
                mean(conversations.stream().filter(m -> m.resolvedAt() != null)
                        .mapToDouble(m -> seconds(m.createdAt(), m.resolvedAt())).average()));
    }

    private String nameOf(GroupBy groupBy, UUID key) {
        return switch (groupBy) {
            case AGENT -> db.table(MemoryDirectoryStore.AGENTS).get(key).map(agent -> agent.name()).orElse(null);
            case DEPARTMENT -> db.table(MemoryDirectoryStore.DEPARTMENTS).get(key).map(row -> row.department().name()).orElse(null);
            case INBOX -> db.table(MemoryDirectoryStore.INBOXES).get(key).map(row -> row.inbox().name()).orElse(null);
        };
    }

    private static Double mean(OptionalDouble value) {
        return value.isPresent() ? value.getAsDouble() : null;
    }

    private static double seconds(Instant from, Instant to) {
        return Duration.between(from, to).toNanos() / 1e9;
    }
}
