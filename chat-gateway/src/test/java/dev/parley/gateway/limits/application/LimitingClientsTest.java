package dev.parley.gateway.limits.application;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.gateway.limits.adapter.memory.MemoryRateLimits;
import io.github.bucket4j.TimeMeter;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

class LimitingClientsTest {

    private static final Duration SLOW = Duration.ofHours(1);
    private static final LimitingClients.Budgets BUDGETS = new LimitingClients.Budgets(
            new Limit("commands", 2, SLOW), new Limit("connects", 3, SLOW), new Limit("hello-failures", 2, SLOW));

    /** A store that cannot be reached. */
    private static final RateLimits DOWN = new RateLimits() {
        @Override
        public Mono<Boolean> tryTake(Limit limit, String key) {
            return Mono.error(new IllegalStateException("Redis is down"));
        }

        @Override
        public Mono<Boolean> exhausted(Limit limit, String key) {
            return Mono.error(new IllegalStateException("Redis is down"));
        }

        @Override
        public void close() {
        }
    };

    @Test
    void spentHelloFailuresRefuseConnectsThatTheConnectBudgetWouldAllow() {
        var limits = new LimitingClients(new MemoryRateLimits(TimeMeter.SYSTEM_NANOTIME), new MemoryRateLimits(TimeMeter.SYSTEM_NANOTIME), BUDGETS);

        assertThat(limits.admitConnect("203.0.113.7").block()).isTrue();
        limits.helloFailed("203.0.113.7").block();
        limits.helloFailed("203.0.113.7").block();

        assertThat(limits.admitConnect("203.0.113.7").block()).isFalse();
        assertThat(limits.admitConnect("203.0.113.8").block()).isTrue();
    }

    @Test
    void aUsersCommandsStopAtTheirBudget() {
        var limits = new LimitingClients(new MemoryRateLimits(TimeMeter.SYSTEM_NANOTIME), new MemoryRateLimits(TimeMeter.SYSTEM_NANOTIME), BUDGETS);
        UUID user = UUID.randomUUID();

        assertThat(limits.admitCommand(user).block()).isTrue();
        assertThat(limits.admitCommand(user).block()).isTrue();
        assertThat(limits.admitCommand(user).block()).isFalse();
    }

    @Test
    void anUnreachableStoreLetsClientsThrough() {
        var limits = new LimitingClients(DOWN, DOWN, BUDGETS);

        assertThat(limits.admitCommand(UUID.randomUUID()).block()).isTrue();
        assertThat(limits.admitConnect("203.0.113.7").block()).isTrue();
        assertThat(limits.helloFailed("203.0.113.7").then(Mono.just(true)).block()).isTrue();
    }

    @Test
    void commandsAreCountedOnThisNodeWithoutAskingTheSharedStore() {
        var shared = new MemoryRateLimits(TimeMeter.SYSTEM_NANOTIME);
        var limits = new LimitingClients(shared, new MemoryRateLimits(TimeMeter.SYSTEM_NANOTIME), BUDGETS);
        UUID user = UUID.randomUUID();

        limits.admitCommand(user).block();
        limits.admitCommand(user).block();

        assertThat(limits.admitCommand(user).block()).isFalse();
        assertThat(shared.tryTake(BUDGETS.commandsPerUser(), user.toString()).block())
                .as("the shared bucket of the user's commands is untouched").isTrue();
    }
}
