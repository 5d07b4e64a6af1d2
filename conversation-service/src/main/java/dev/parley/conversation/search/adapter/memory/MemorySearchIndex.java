package dev.parley.conversation.search.adapter.memory;

import dev.parley.conversation.identity.adapter.memory.MemoryCustomers;
import dev.parley.conversation.identity.adapter.memory.MemoryCustomers.CustomerRow;
import dev.parley.conversation.lifecycle.adapter.memory.ConversationRow;
import dev.parley.conversation.lifecycle.adapter.memory.MemoryParticipantStore;
import dev.parley.conversation.lifecycle.domain.Conversation;
import dev.parley.conversation.lifecycle.domain.Participant;
import dev.parley.conversation.messaging.adapter.memory.MemoryMessageStore;
import dev.parley.conversation.messaging.domain.Message;
import dev.parley.conversation.messaging.domain.MessageKind;
import dev.parley.conversation.search.application.SearchIndex;
import dev.parley.conversation.search.application.SearchQuery;
import dev.parley.conversation.shared.adapter.memory.MemoryDatabase;
import dev.parley.conversation.shared.adapter.memory.PostgresOrder;
import dev.parley.conversation.shared.adapter.memory.text.Headline;
import dev.parley.conversation.shared.adapter.memory.text.Lexemes;
import dev.parley.conversation.shared.adapter.memory.text.Ranking;
import dev.parley.conversation.shared.adapter.memory.text.WebSearch;
import java.util.Comparator;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import reactor.core.publisher.Flux;

/**
 * Search over the in-memory tables with the rules of {@code R2dbcSearchIndex}: a conversation's
 * rank is its best matching message's rank plus 1 when the customer matches by name, email or
 * external id; the snippet is that message with the words highlighted. Words are matched whole
 * and unstemmed, as the {@code simple} configuration does.
 */
public final class MemorySearchIndex implements SearchIndex {

    /** A customer match outweighs any message rank, so "alice" finds Alice's conversations first. */
    private static final double CUSTOMER_MATCH = 1.0;

    private final MemoryDatabase db;

    public MemorySearchIndex(MemoryDatabase db) {
        this.db = db;
    }

    private record BestMessage(Message message, double rank) {
    }

    @Override
    public Flux<Hit> search(SearchQuery query, Scope scope) {
        WebSearch words = WebSearch.parse(query.text());
        return db.query(tx -> db.table(ConversationRow.TABLE).all().stream().map(ConversationRow::conversation)
                .filter(c -> inScope(c, scope) && matchesFilters(c, query))
                .map(c -> hit(c, words, query.text(), scope.notes()))
                .flatMap(Optional::stream)
                .sorted(Comparator.comparingDouble(Hit::rank).reversed()
                        .thenComparing(Hit::lastActivityAt, Comparator.reverseOrder())
                        .thenComparing(Hit::conversationId, PostgresOrder.UUIDS))
                .skip(query.offset()).limit(query.limit())
                .toList());
    }

    private Optional<Hit> hit(Conversation c, WebSearch words, String text, boolean notes) {
        Optional<CustomerRow> customer = db.table(MemoryCustomers.CUSTOMERS).get(c.customerId());
        Optional<BestMessage> best = db.table(MemoryMessageStore.MESSAGES).inGroup(c.id()).stream()
                .filter(m -> m.deletedAt() == null && m.body() != null && (notes || m.kind() != MessageKind.NOTE))
                .filter(m -> words.matches(Lexemes.simple(m.body())))
                .map(m -> new BestMessage(m, (float) new Ranking().add(Lexemes.simple(m.body()), Ranking.Weight.D)
                        .rankOr(words.positiveWords())))
                .max(Comparator.comparingDouble(BestMessage::rank));
        boolean customerMatches = customer.map(row -> customerMatches(row, text)).orElse(false);
        if (best.isEmpty() && !customerMatches) {
            return Optional.empty();
        }
        double rank = best.map(BestMessage::rank).orElse(0.0) + (customerMatches ? CUSTOMER_MATCH : 0);
        return Optional.of(new Hit(c.id(), c.customerId(), customer.map(CustomerRow::name).orElse(null), c.status().name(),
                c.departmentId(), c.ownerId(), c.lastActivityAt(), rank,
                best.map(b -> Headline.of(b.message().body(), words.positiveWords())).orElse(null)));
    }

    private static boolean customerMatches(CustomerRow customer, String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        return (customer.name() != null && customer.name().toLowerCase(Locale.ROOT).contains(lower))
                || (customer.email() != null && customer.email().toLowerCase(Locale.ROOT).contains(lower))
                || text.equals(customer.externalId());
    }

    private boolean inScope(Conversation c, Scope scope) {
        if (scope.customerId() != null) {
            return c.customerId().equals(scope.customerId());
        }
        return scope.everything() || scope.departmentIds().contains(c.departmentId())
                || (scope.participantId() != null && db.table(MemoryParticipantStore.PARTICIPANTS)
                        .get(new MemoryParticipantStore.Key(c.id(), scope.participantId()))
                        .map(Participant::isActive).orElse(false));
    }

    private static boolean matchesFilters(Conversation c, SearchQuery query) {
        return (query.status() == null || c.status().name().equals(query.status()))
                && (query.departmentId() == null || c.departmentId().equals(query.departmentId()))
                && (query.agentId() == null || Objects.equals(c.ownerId(), query.agentId()))
                && (query.from() == null || !c.lastActivityAt().isBefore(query.from()))
                && (query.to() == null || c.lastActivityAt().isBefore(query.to()));
    }

}
