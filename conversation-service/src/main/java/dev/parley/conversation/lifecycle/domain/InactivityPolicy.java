package dev.parley.conversation.lifecycle.domain;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * When a quiet conversation moves on by itself: one waiting on a customer who never answers is
 * resolved, and a resolved one nobody reopens is closed, each after its idle time.
 *
 * @param waitingToResolved idle time after which WAITING_ON_CUSTOMER becomes RESOLVED
 * @param resolvedToClosed  idle time after which RESOLVED becomes CLOSED
 */
public record InactivityPolicy(Duration waitingToResolved, Duration resolvedToClosed) {

    /** A status the timer watches, and what it does when the idle time has passed. */
    public record Rule(ConversationStatus status, Duration idleFor, LifecycleCommand command) {
    }

    public List<Rule> rules() {
        return List.of(
                new Rule(ConversationStatus.WAITING_ON_CUSTOMER, waitingToResolved, new LifecycleCommand.Resolve()),
                new Rule(ConversationStatus.RESOLVED, resolvedToClosed, new LifecycleCommand.Close()));
    }

    /** The rule for a status, if the timer watches it. */
    public Optional<Rule> ruleFor(ConversationStatus status) {
        return rules().stream().filter(rule -> rule.status() == status).findFirst();
    }
}
