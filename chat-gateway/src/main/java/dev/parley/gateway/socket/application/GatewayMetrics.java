package dev.parley.gateway.socket.application;

import dev.parley.gateway.session.domain.Principal;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The gateway's meters (ARCHITECTURE §8): {@code parley.gateway.sockets} (gauge by role),
 * {@code parley.gateway.frames.in} / {@code .out} (by type), {@code parley.gateway.frames.rejected}
 * (by reason) and {@code parley.gateway.delivery.latency} (event time → handed to the socket's
 * write, with a percentile histogram). Frame types outside the protocol count as {@code unknown},
 * so a hostile client cannot grow the number of series; {@code parley.gateway.reads.merged} counts
 * read receipts that rode on a later one instead of a call of their own. Counters are looked up
 * once per tag value: each frame in and out would otherwise build a meter id to find its counter.
 */
public final class GatewayMetrics {

    private final MeterRegistry registry;
    private final Clock clock;
    private final Map<Principal.Role, AtomicInteger> sockets = new EnumMap<>(Principal.Role.class);
    private final AtomicInteger unauthenticated = new AtomicInteger();
    private final Timer latency;
    private final Set<String> knownTypes;
    private final Map<String, Counter> in = new ConcurrentHashMap<>();
    private final Map<String, Counter> out = new ConcurrentHashMap<>();
    private final Map<String, Counter> rejections = new ConcurrentHashMap<>();
    private final Counter readsMerged;

    public GatewayMetrics(MeterRegistry registry, Clock clock, Set<String> knownTypes) {
        this.registry = registry;
        this.clock = clock;
        this.knownTypes = knownTypes;
        for (Principal.Role role : Principal.Role.values()) {
            AtomicInteger count = new AtomicInteger();
            sockets.put(role, count);
            registry.gauge("parley.gateway.sockets", Tags.of("role", role.name().toLowerCase()), count);
        }
        registry.gauge("parley.gateway.sockets", Tags.of("role", "unauthenticated"), unauthenticated);
        latency = Timer.builder("parley.gateway.delivery.latency")
                .description("From an event's occurredAt to its frame being handed to the socket")
                .publishPercentileHistogram()
                .register(registry);
        readsMerged = Counter.builder("parley.gateway.reads.merged")
                .description("Read receipts merged into the next one of their conversation instead of sent")
                .register(registry);
    }

    public void opened() {
        unauthenticated.incrementAndGet();
    }

    public void authenticated(Principal.Role role) {
        unauthenticated.decrementAndGet();
        sockets.get(role).incrementAndGet();
    }

    public void closed(Principal.Role role) {
        (role == null ? unauthenticated : sockets.get(role)).decrementAndGet();
    }

    public void received(String type) {
        in.computeIfAbsent(known(type), name -> Counter.builder("parley.gateway.frames.in").tag("type", name)
                .register(registry)).increment();
    }

    public void rejected(String reason) {
        rejections.computeIfAbsent(reason, name -> Counter.builder("parley.gateway.frames.rejected").tag("reason", name)
                .register(registry)).increment();
    }

    public void readsMerged() {
        readsMerged.increment();
    }

    public void written(Outgoing frame) {
        out.computeIfAbsent(frame.type(), name -> Counter.builder("parley.gateway.frames.out").tag("type", name)
                .register(registry)).increment();
        if (frame.occurredAt() != null) {
            latency.record(Duration.between(frame.occurredAt(), clock.instant()).abs());
        }
    }

    private String known(String type) {
        return knownTypes.contains(type) ? type : "unknown";
    }
}
