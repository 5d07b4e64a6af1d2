package dev.parley.conversation.reading.application;

import dev.parley.conversation.directory.application.DirectoryStore;
import dev.parley.conversation.identity.domain.Caller;
import dev.parley.conversation.lifecycle.application.ConversationStore;
import dev.parley.conversation.lifecycle.application.ParticipantStore;
import dev.parley.conversation.lifecycle.domain.Conversation;
import dev.parley.conversation.lifecycle.domain.Participant;
import dev.parley.conversation.messaging.domain.Message;
import dev.parley.conversation.reading.application.ConversationQueries.ConversationSummary;
import dev.parley.conversation.reading.application.ConversationQueries.ListFilter;
import dev.parley.conversation.reading.application.ConversationQueries.Position;
import dev.parley.conversation.reading.application.ConversationQueries.ReactionCount;
import dev.parley.conversation.lifecycle.application.AccessPolicy;
import dev.parley.conversation.reading.application.EventLog;
import dev.parley.conversation.shared.domain.Outcome;
import dev.parley.conversation.shared.domain.Rejection;
import dev.parley.events.EventEnvelope;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import reactor.core.publisher.Mono;

/**
 * Everything a client reads, with the same access rules as the commands: a conversation with its
 * participants, history pages, the events since a seq (resume), and conversation lists. Notes
 * and agents-only events are left out for customers.
 */
public final class ReadingConversations {

    public static final String INVALID_PAGE = "page.invalid";
    public static final String INVALID_VIEW = "list.invalid_view";
    /** Large enough for a screen of history, small enough to bound one response. */
    public static final int MAX_PAGE = 200;

    private final ConversationStore conversations;
    private final ParticipantStore participants;
    private final EventLog eventLog;
    private final ConversationQueries queries;
    private final DirectoryStore directory;
    private final AccessPolicy access;

    public ReadingConversations(ConversationStore conversations, ParticipantStore participants, EventLog eventLog,
                                ConversationQueries queries, DirectoryStore directory, AccessPolicy access) {
        this.conversations = conversations;
        this.participants = participants;
        this.eventLog = eventLog;
        this.queries = queries;
        this.directory = directory;
        this.access = access;
    }

    public record Detail(Conversation conversation, List<Participant> participants) {
    }

    /** The customer sidebar: who they are and their conversations, newest first (this one included). */
    public record CustomerView(ConversationQueries.CustomerProfile customer, List<ConversationSummary> conversations) {
    }

    /** How many of a customer's conversations the sidebar lists. */
    private static final int CUSTOMER_CONVERSATIONS = 20;

    public record HistoryPage(List<Message> messages, List<ReactionCount> reactions, boolean more) {
    }

    /** Events after a seq; the client has seen everything visible to it through {@code throughSeq}. */
    public record EventsPage(List<EventEnvelope> events, long throughSeq, boolean more) {
    }

    public record ListPage(List<ConversationSummary> conversations, Position next) {
    }

    /** The lists of the console and the widget; CLOSED holds the resolved and closed ones. */
    public enum View { MINE, QUEUE, OPEN, CLOSED, ALL }

    public Mono<Outcome<Detail>> detail(Caller caller, UUID conversationId) {
        return visible(caller, conversationId, conversation -> participants.all(conversationId).collectList()
                .map(people -> Outcome.accepted(new Detail(conversation, people))));
    }

    /**
     * The customer of a conversation the agent may read, with their latest conversations. Those are
     * listed whatever their department, as a summary (status, dates): opening one is checked again.
     */
    public Mono<Outcome<CustomerView>> customer(Caller caller, UUID conversationId) {
        if (!(caller instanceof Caller.Agent agent)) {
            return Mono.just(Outcome.rejected(AccessPolicy.FORBIDDEN, "the customer sidebar is for agents"));
        }
        return visible(caller, conversationId, conversation -> queries.customer(conversation.customerId())
                .zipWith(queries.list(new ListFilter(conversation.customerId(), null, null, false, List.of()), agent.agentId(),
                        true, null, CUSTOMER_CONVERSATIONS).collectList())
                .map(found -> Outcome.accepted(new CustomerView(found.getT1(), found.getT2())))
                .defaultIfEmpty(Outcome.rejected(AccessPolicy.notFound())));
    }

    public Mono<Outcome<HistoryPage>> history(Caller caller, UUID conversationId, Long beforeSeq, Long afterSeq, int limit) {
        if (limit < 1 || limit > MAX_PAGE || (beforeSeq != null && afterSeq != null)) {
            return Mono.just(Outcome.rejected(Rejection.invalid(INVALID_PAGE, "limit",
                    "limit is 1 to " + MAX_PAGE + ", with at most one of before and after")));
        }
        boolean notes = !(caller instanceof Caller.Customer);
        return visible(caller, conversationId, conversation -> queries
                .messages(conversationId, beforeSeq, afterSeq, limit + 1, notes).collectList()
                .flatMap(found -> {
                    boolean more = found.size() > limit;
                    List<Message> page = trim(found, limit, afterSeq == null);
                    return queries.reactions(page.stream().map(Message::id).toList(), notes).collectList()
                            .map(reactions -> Outcome.accepted(new HistoryPage(page, reactions, more)));
                }));
    }

    public Mono<Outcome<EventsPage>> eventsSince(Caller caller, UUID conversationId, long afterSeq, int limit) {
        if (limit < 1 || limit > MAX_PAGE || afterSeq < 0) {
            return Mono.just(Outcome.rejected(Rejection.invalid(INVALID_PAGE, "limit", "limit is 1 to " + MAX_PAGE)));
        }
        boolean agents = !(caller instanceof Caller.Customer);
        return visible(caller, conversationId, conversation -> eventLog
                .since(conversationId, afterSeq, limit + 1, agents).collectList()
                .map(found -> {
                    boolean more = found.size() > limit;
                    List<EventEnvelope> page = more ? found.subList(0, limit) : found;
                    // Through the last seq returned when a page is cut; otherwise through the conversation's
                    // last seq, so events the caller may not see leave no gap it would ask about again.
                    long through = more ? page.get(page.size() - 1).seq() : Math.max(afterSeq, conversation.lastSeq());
                    return Outcome.accepted(new EventsPage(List.copyOf(page), through, more));
                }));
    }

    public Mono<Outcome<ListPage>> list(Caller caller, View view, UUID departmentId, Position after, int limit) {
        if (limit < 1 || limit > MAX_PAGE) {
            return Mono.just(Outcome.rejected(Rejection.invalid(INVALID_PAGE, "limit", "limit is 1 to " + MAX_PAGE)));
        }
        return filterFor(caller, view, departmentId).flatMap(filter -> {
            if (filter instanceof Outcome.Rejected<ListFilter> rejected) {
                return Mono.just(Outcome.<ListPage>rejected(rejected.rejection()));
            }
            ListFilter chosen = ((Outcome.Accepted<ListFilter>) filter).value();
            UUID me = callerId(caller);
            return queries.list(chosen, me, caller instanceof Caller.Agent, after, limit + 1).collectList()
                    .map(found -> {
                        boolean more = found.size() > limit;
                        List<ConversationSummary> page = more ? found.subList(0, limit) : found;
                        ConversationSummary last = page.isEmpty() ? null : page.get(page.size() - 1);
                        Position next = more ? new Position(last.lastActivityAt(), last.id()) : null;
                        return Outcome.accepted(new ListPage(List.copyOf(page), next));
                    });
        });
    }

    /** The waiting line of a department, for the assignment worker (services) and admins. */
    public Mono<Outcome<List<ConversationSummary>>> queue(Caller caller, UUID departmentId, int limit) {
        boolean allowed = caller instanceof Caller.Service || caller instanceof Caller.Agent agent && agent.isAdmin();
        if (!allowed) {
            return Mono.just(Outcome.rejected(AccessPolicy.FORBIDDEN, "the raw queue is for services"));
        }
        if (limit < 1 || limit > MAX_PAGE) {
            return Mono.just(Outcome.rejected(Rejection.invalid(INVALID_PAGE, "limit", "limit is 1 to " + MAX_PAGE)));
        }
        return queries.queue(departmentId, limit).collectList().map(Outcome::accepted);
    }

    /**
     * The open conversations an agent owns (ACTIVE or WAITING_ON_CUSTOMER), for the assignment worker
     * to requeue when the agent goes offline. An agent owns at most 100, so one page holds them all.
     */
    public Mono<Outcome<List<ConversationSummary>>> openOwnedBy(Caller caller, UUID agentId) {
        if (!(caller instanceof Caller.Service)) {
            return Mono.just(Outcome.rejected(AccessPolicy.FORBIDDEN, "an agent's open conversations are for services"));
        }
        var filter = new ListFilter(null, agentId, null, false, List.of("ACTIVE", "WAITING_ON_CUSTOMER"));
        return queries.list(filter, agentId, true, null, MAX_PAGE).collectList().map(Outcome::accepted);
    }

    /** A department's round-robin position for the assignment worker; {@code agentId} null when none. */
    public record LastAssignee(UUID agentId) {
    }

    public Mono<Outcome<LastAssignee>> lastAssignee(Caller caller, UUID departmentId) {
        if (!(caller instanceof Caller.Service)) {
            return Mono.just(Outcome.rejected(AccessPolicy.FORBIDDEN, "the round-robin position is for services"));
        }
        return queries.lastAssignee(departmentId).map(LastAssignee::new).defaultIfEmpty(new LastAssignee(null))
                .map(Outcome::accepted);
    }

    private Mono<Outcome<ListFilter>> filterFor(Caller caller, View view, UUID departmentId) {
        List<String> open = List.of("BOT", "QUEUED", "ACTIVE", "WAITING_ON_CUSTOMER");
        if (caller instanceof Caller.Customer customer) {
            return Mono.just(view == View.MINE || view == View.ALL
                    ? Outcome.accepted(new ListFilter(customer.customerId(), null, null, false, List.of()))
                    : Outcome.rejected(INVALID_VIEW, "customers list their own conversations"));
        }
        if (!(caller instanceof Caller.Agent agent)) {
            return Mono.just(Outcome.rejected(INVALID_VIEW, "only customers and agents have lists"));
        }
        if (view == View.MINE) {
            return Mono.just(Outcome.accepted(new ListFilter(null, agent.agentId(), null, false,
                    List.of("ACTIVE", "WAITING_ON_CUSTOMER"))));
        }
        List<String> statuses = switch (view) {
            case QUEUE -> List.of("QUEUED");
            case OPEN -> open;
            case CLOSED -> List.of("RESOLVED", "CLOSED");
            default -> List.of();
        };
        return directory.agent(agent.agentId()).map(me -> {
            if (departmentId != null && !agent.isAdmin() && !me.departmentIds().contains(departmentId)) {
                return Outcome.<ListFilter>rejected(AccessPolicy.FORBIDDEN, "you are not in that department");
            }
            List<UUID> departments = departmentId != null ? List.of(departmentId) : new ArrayList<>(me.departmentIds());
            boolean all = agent.isAdmin() && departmentId == null;
            return Outcome.accepted(new ListFilter(null, null, departments, all, statuses));
        });
    }

    private <T> Mono<Outcome<T>> visible(Caller caller, UUID conversationId, Function<Conversation, Mono<Outcome<T>>> read) {
        return conversations.find(conversationId)
                .flatMap(conversation -> access.check(caller, conversation).flatMap(denied -> denied.isPresent()
                        ? Mono.just(Outcome.<T>rejected(denied.get()))
                        : read.apply(conversation)))
                .defaultIfEmpty(Outcome.rejected(AccessPolicy.notFound()));
    }

    private static List<Message> trim(List<Message> found, int limit, boolean newestFirst) {
        List<Message> page = new ArrayList<>(found.size() > limit ? found.subList(0, limit) : found);
        if (newestFirst) {
            Collections.reverse(page);
        }
        return List.copyOf(page);
    }

    private static UUID callerId(Caller caller) {
        if (caller instanceof Caller.Customer customer) {
            return customer.customerId();
        }
        return ((Caller.Agent) caller).agentId();
    }
}
