package dev.parley.gateway.presence.adapter.scheduling;

import dev.parley.gateway.presence.application.ReportingAgentsOffline;
import dev.parley.gateway.presence.application.TrackingPresence;
import java.time.Duration;
import java.util.Collection;
import java.util.UUID;
import java.util.function.Supplier;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;

/**
 * The node's two presence timers: renew the offline due time of the agents connected here (every
 * third of the registration TTL, like the registry's heartbeat), and sweep the agents due to be
 * reported offline. Each tick waits for the previous one, so a slow Redis never piles ticks up.
 */
public final class PresenceTimers implements AutoCloseable {

    private final Disposable renewals;
    private final Disposable sweeps;

    /** @param reporting {@code null}: this node reports nobody offline (it has no service credentials) */
    public PresenceTimers(TrackingPresence tracking, ReportingAgentsOffline reporting,
                          Supplier<Collection<UUID>> agentsHere, Duration renewEvery, Duration sweepEvery) {
        this.renewals = Flux.interval(renewEvery).onBackpressureDrop()
                .concatMap(tick -> tracking.renew(agentsHere.get()), 1)
                .subscribe();
        this.sweeps = reporting == null ? null : Flux.interval(sweepEvery).onBackpressureDrop()
                .concatMap(tick -> reporting.sweep(), 1)
                .subscribe();
    }

    @Override
    public void close() {
        renewals.dispose();
        if (sweeps != null) {
            sweeps.dispose();
        }
    }
}
