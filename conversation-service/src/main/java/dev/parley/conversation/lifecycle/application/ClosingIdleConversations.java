package dev.parley.conversation.lifecycle.application;

import dev.parley.conversation.identity.domain.Caller;
import dev.parley.conversation.lifecycle.domain.InactivityPolicy;
import dev.parley.conversation.shared.application.Transactions;
import dev.parley.conversation.shared.domain.Outcome;
import java.time.Clock;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * One sweep of the inactivity timers: for each rule, lock a batch of idle conversations (skipping
 * those another instance is handling) and move each through the ordinary lifecycle, so every
 * automatic transition writes its system message and events like a manual one. Safe to run on
 * every instance at once.
 */
public final class ClosingIdleConversations {

    /** The timers act as a Parley service. */
    public static final Caller TIMER = new Caller.Service("inactivity-timer");

    private final Transactions transactions;
    private final IdleConversations idle;
    private final ChangingLifecycle lifecycle;
    private final InactivityPolicy policy;
    private final Clock clock;
    private final int batchSize;

    public ClosingIdleConversations(Transactions transactions, IdleConversations idle, ChangingLifecycle lifecycle,
                                    InactivityPolicy policy, Clock clock, int batchSize) {
        this.transactions = transactions;
        this.idle = idle;
        this.lifecycle = lifecycle;
        this.policy = policy;
        this.clock = clock;
        this.batchSize = batchSize;
    }

    /** Moves what is due; completes with how many conversations moved. */
    public Mono<Long> sweep() {
        return Flux.fromIterable(policy.rules())
                .concatMap(rule -> transactions.inTransaction(() -> idle
                        .lockIdle(rule.status(), clock.instant().minus(rule.idleFor()), batchSize)
                        .concatMap(id -> lifecycle.apply(TIMER, id, rule.command()))
                        .filter(outcome -> outcome instanceof Outcome.Accepted)
                        .count()))
                .reduce(0L, Long::sum);
    }
}
