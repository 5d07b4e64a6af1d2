package dev.parley.gateway.limits.adapter.memory;

import dev.parley.gateway.limits.application.RateLimits;
import dev.parley.gateway.limits.application.RateLimitsContract;
import io.github.bucket4j.TimeMeter;
import org.junit.jupiter.api.BeforeEach;

class MemoryRateLimitsTest extends RateLimitsContract {

    private MemoryRateLimits store;

    @BeforeEach
    void newStore() {
        store = new MemoryRateLimits(TimeMeter.SYSTEM_NANOTIME);
    }

    /** The memory engine runs one node: its nodes are the one store. */
    @Override
    protected RateLimits newNode() {
        return store;
    }
}
