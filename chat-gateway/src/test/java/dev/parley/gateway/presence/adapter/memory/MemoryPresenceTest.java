package dev.parley.gateway.presence.adapter.memory;

import dev.parley.gateway.presence.application.Presence;
import dev.parley.gateway.presence.application.PresenceContract;

class MemoryPresenceTest extends PresenceContract {

    private final MemoryPresence shared = new MemoryPresence();

    @Override
    protected Presence presence() {
        return shared;
    }
}
