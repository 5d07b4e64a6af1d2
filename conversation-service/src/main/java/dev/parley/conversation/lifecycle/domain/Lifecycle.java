package dev.parley.conversation.lifecycle.domain;

import static dev.parley.conversation.lifecycle.domain.ConversationStatus.ACTIVE;
import static dev.parley.conversation.lifecycle.domain.ConversationStatus.BOT;
import static dev.parley.conversation.lifecycle.domain.ConversationStatus.CLOSED;
import static dev.parley.conversation.lifecycle.domain.ConversationStatus.QUEUED;
import static dev.parley.conversation.lifecycle.domain.ConversationStatus.RESOLVED;
import static dev.parley.conversation.lifecycle.domain.ConversationStatus.WAITING_ON_CUSTOMER;

import java.util.EnumMap;
import java.util.Map;

/**
 * The conversation state machine of ARCHITECTURE §4 as one table: for each action, where each
 * status goes. A status missing from an action's row is an illegal transition. The whole table is
 * tested cell by cell ({@code LifecycleTest}).
 */
public final class Lifecycle {

    public static final String ILLEGAL_TRANSITION = "conversation.illegal_transition";
    public static final String CLOSED_CODE = "conversation.closed";

    private static final Map<LifecycleAction, Map<ConversationStatus, Transition>> TABLE =
            new EnumMap<>(LifecycleAction.class);

    static {
        row(LifecycleAction.TALK_TO_AGENT)
                .move(BOT, QUEUED).stay(QUEUED, ACTIVE, WAITING_ON_CUSTOMER).move(RESOLVED, QUEUED);
        row(LifecycleAction.ASSIGN).move(QUEUED, ACTIVE);
        // An agent may step in while the bot is still answering; the bot then stops.
        row(LifecycleAction.ACCEPT).move(BOT, ACTIVE).move(QUEUED, ACTIVE);
        row(LifecycleAction.TRANSFER_TO_AGENT)
                .move(QUEUED, ACTIVE).move(ACTIVE, ACTIVE).move(WAITING_ON_CUSTOMER, ACTIVE);
        row(LifecycleAction.TRANSFER_TO_DEPARTMENT)
                .move(QUEUED, QUEUED).move(ACTIVE, QUEUED).move(WAITING_ON_CUSTOMER, QUEUED);
        row(LifecycleAction.REQUEUE).move(ACTIVE, QUEUED).move(WAITING_ON_CUSTOMER, QUEUED);
        row(LifecycleAction.WAIT_ON_CUSTOMER).move(ACTIVE, WAITING_ON_CUSTOMER).stay(WAITING_ON_CUSTOMER);
        // A reply to a resolved conversation reopens it into the queue, so capacity is checked again.
        row(LifecycleAction.CUSTOMER_REPLIED)
                .stay(BOT, QUEUED, ACTIVE).move(WAITING_ON_CUSTOMER, ACTIVE).move(RESOLVED, QUEUED);
        row(LifecycleAction.RESOLVE)
                .move(BOT, RESOLVED).move(QUEUED, RESOLVED).move(ACTIVE, RESOLVED)
                .move(WAITING_ON_CUSTOMER, RESOLVED).stay(RESOLVED);
        row(LifecycleAction.CLOSE)
                .move(BOT, CLOSED).move(QUEUED, CLOSED).move(ACTIVE, CLOSED)
                .move(WAITING_ON_CUSTOMER, CLOSED).move(RESOLVED, CLOSED).stay(CLOSED);
        row(LifecycleAction.REOPEN).move(RESOLVED, ACTIVE).move(CLOSED, ACTIVE);
    }

    private final boolean customerReplyReopensClosed;

    /** @param customerReplyReopensClosed whether a customer reply to a CLOSED conversation reopens it */
    public Lifecycle(boolean customerReplyReopensClosed) {
        this.customerReplyReopensClosed = customerReplyReopensClosed;
    }

    public Transition decide(ConversationStatus from, LifecycleAction action) {
        if (from == CLOSED && customerReplyReopensClosed
                && (action == LifecycleAction.CUSTOMER_REPLIED || action == LifecycleAction.TALK_TO_AGENT)) {
            return new Transition.Move(QUEUED);
        }
        Transition transition = TABLE.get(action).get(from);
        if (transition != null) {
            return transition;
        }
        if (from == CLOSED) {
            return new Transition.Illegal(CLOSED_CODE, "the conversation is closed");
        }
        return new Transition.Illegal(ILLEGAL_TRANSITION,
                "cannot " + action.name().toLowerCase().replace('_', ' ') + " a " + from + " conversation");
    }

    private static Row row(LifecycleAction action) {
        var cells = new EnumMap<ConversationStatus, Transition>(ConversationStatus.class);
        TABLE.put(action, cells);
        return new Row(cells);
    }

    private record Row(Map<ConversationStatus, Transition> cells) {
        Row move(ConversationStatus from, ConversationStatus to) {
            cells.put(from, new Transition.Move(to));
            return this;
        }

        Row stay(ConversationStatus... statuses) {
            for (ConversationStatus status : statuses) {
                cells.put(status, new Transition.Stay());
            }
            return this;
        }
    }
}
