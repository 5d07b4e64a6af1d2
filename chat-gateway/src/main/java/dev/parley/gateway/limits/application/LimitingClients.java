package dev.parley.gateway.limits.application;

import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * The edge's budgets (ARCHITECTURE §7): commands per user, across their sockets on one node
 * (counted in this process: a command must not cost a Redis round trip, and a user's sockets
 * rarely span nodes); connects per client address, across the nodes; failed hellos per client address, which once spent refuse the
 * address's connects too, so a token guesser is slowed down whatever socket it opens. When the
 * store fails, clients are let through: the limits protect the service and must not stop it.
 */
public final class LimitingClients {

    /**
     * @param commandsPerUser         commands one user may send, all their sockets on one node together
     * @param connectsPerAddress      sockets one client address may open
     * @param helloFailuresPerAddress failed hellos one client address may make before its connects are refused
     */
    public record Budgets(Limit commandsPerUser, Limit connectsPerAddress, Limit helloFailuresPerAddress) {
    }

    private static final Logger log = LoggerFactory.getLogger(LimitingClients.class);

    private final RateLimits limits;
    private final RateLimits perNode;
    private final Budgets budgets;

    /**
     * @param limits  the buckets all nodes share (connects, failed hellos)
     * @param perNode this node's own buckets (commands)
     */
    public LimitingClients(RateLimits limits, RateLimits perNode, Budgets budgets) {
        this.limits = limits;
        this.perNode = perNode;
        this.budgets = budgets;
    }

    /** Takes one of the user's command tokens; {@code false}: refuse the command. */
    public Mono<Boolean> admitCommand(UUID userId) {
        return orElse(perNode.tryTake(budgets.commandsPerUser(), userId.toString()), true, "commands");
    }

    /** Whether the address may open a socket now; takes one of its connect tokens if so. */
    public Mono<Boolean> admitConnect(String address) {
        return orElse(limits.exhausted(budgets.helloFailuresPerAddress(), address), false, "hello failures")
                .flatMap(exhausted -> exhausted
                        ? Mono.just(false)
                        : orElse(limits.tryTake(budgets.connectsPerAddress(), address), true, "connects"));
    }

    /** Counts a failed hello from the address. */
    public Mono<Void> helloFailed(String address) {
        return orElse(limits.tryTake(budgets.helloFailuresPerAddress(), address), true, "hello failures").then();
    }

    /** {@code check}'s answer, or {@code lenient} (the answer that lets the client through) when the store failed. */
    private static Mono<Boolean> orElse(Mono<Boolean> check, boolean lenient, String what) {
        return check.onErrorResume(error -> {
            log.warn("Could not check the {} limit, letting the client through: {}", what, error.toString());
            return Mono.just(lenient);
        });
    }
}
