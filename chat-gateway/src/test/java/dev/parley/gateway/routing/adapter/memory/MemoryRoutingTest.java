package dev.parley.gateway.routing.adapter.memory;

import dev.parley.gateway.routing.application.Routing;
import dev.parley.gateway.routing.application.RoutingContract;
import java.time.Clock;

class MemoryRoutingTest extends RoutingContract {

    private final MemoryRouting.Hub hub = new MemoryRouting.Hub();

    @Override
    protected Routing newNode(String nodeId) {
        return new MemoryRouting(hub, nodeId, Clock.systemUTC(), TTL);
    }
}
