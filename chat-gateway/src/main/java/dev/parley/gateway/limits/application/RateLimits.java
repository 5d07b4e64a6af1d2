package dev.parley.gateway.limits.application;

import reactor.core.publisher.Mono;

/**
 * Token buckets keyed by {@link Limit} and a key (ARCHITECTURE §7: in-memory in the memory engine,
 * shared through Redis in the cluster engine). Every implementation passes {@code RateLimitsContract}:
 *
 * <ul>
 *   <li><b>Shared.</b> All callers of one store draw from one bucket per limit and key: the nodes of
 *       a cluster together never grant more than the limit allows, whichever node is asked.</li>
 *   <li><b>Independent.</b> Buckets of different keys, or of different limits on one key, never
 *       affect each other.</li>
 *   <li><b>Refill.</b> Tokens come back steadily: {@code capacity} per {@code refillPeriod}, never
 *       above {@code capacity}. An idle bucket may be forgotten: it would be full anyway.</li>
 *   <li><b>Failure.</b> A call that fails (Redis unreachable) errors; callers let the action through
 *       and log, because a limit protects the service and must not take it down with its store.</li>
 * </ul>
 */
public interface RateLimits extends AutoCloseable {

    /** Takes one token from the key's bucket; {@code true} if there was one. */
    Mono<Boolean> tryTake(Limit limit, String key);

    /** {@code true} if the key's bucket is empty right now; takes nothing. */
    Mono<Boolean> exhausted(Limit limit, String key);

    @Override
    void close();
}
