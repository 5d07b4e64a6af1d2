package dev.parley.gateway.delivery.adapter.bus;

import dev.parley.gateway.delivery.application.EventFanout;

import dev.parley.events.EventHeader;
import dev.parley.events.Topics;
import dev.parley.events.bus.EventBus;
import dev.parley.events.bus.EventSubscription;
import dev.parley.events.bus.ReceivedEvent;
import dev.parley.events.json.EventCodec;
import dev.parley.events.json.MalformedEventException;
import dev.parley.gateway.presence.application.PresenceSignals;
import dev.parley.gateway.presence.domain.PresenceChange;
import dev.parley.gateway.routing.application.Routing;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import dev.parley.gateway.socket.application.ClientProtocol;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Routes events from the bus to the nodes holding their recipients (ARCHITECTURE §3, Deliver). All
 * nodes form one consumer group, {@value #GROUP}; the node owning a partition hands each event to
 * its own {@link EventFanout} directly, looks up the nodes of the audience's users and publishes one
 * copy per other node on that node's channel, or one broadcast when the audience is named (every
 * other node then filters locally; the origin skips its own). Every node hands what it receives to
 * its {@link EventFanout}, which applies the delivery policy again.
 *
 * <p>Order: one conversation's events are consumed in order by one node, delivered to its own
 * sockets in that order and published in that order on its one connection, so every node receives
 * them in order; after a partition moves, the
 * socket's resume gate drops duplicates and clients fill gaps with {@code events.since}. Routing
 * failures (Redis away) are counted in {@code parley.gateway.routing.failures} by what failed,
 * logged and skipped: delivery is best effort, resume makes it complete, and a partition is never
 * held up by Redis.
 */
public final class RoutedDelivery implements ClientProtocol.Ephemeral, PresenceSignals, AutoCloseable {

    public static final String GROUP = "chat-gateway";
    private static final Logger log = LoggerFactory.getLogger(RoutedDelivery.class);

    private final Routing routing;
    private final EventFanout local;
    private final EventCodec codec = new EventCodec();
    private final Counter eventFailures;
    private final Counter signalFailures;
    private final Counter renewalFailures;
    private final JsonMapper json = JsonMapper.builder().build();

    /**
     * What travels on the node channels besides events: a typing signal or a presence change, with
     * the users it is for, as JSON. An event travels as {@value #EVENT} followed by its envelope's
     * JSON exactly as it was encoded when recorded (the receiving node reads only its header); a
     * broadcast one as {@value #BROADCAST_EVENT}, the origin node's id and a newline, then the JSON.
     */
    private record Routed(Typing typing, Presence presence) {
    }

    private static final char EVENT = 'E';
    private static final char BROADCAST_EVENT = 'B';

    private record Presence(PresenceChange change, Set<UUID> to) {
    }

    private record Typing(UUID conversationId, UUID sender, boolean typing, Set<UUID> to) {
    }
    private List<EventSubscription> subscriptions = List.of();
    private Disposable heartbeats;

    public RoutedDelivery(Routing routing, EventFanout local, MeterRegistry registry) {
        this.routing = routing;
        this.local = local;
        this.eventFailures = failures(registry, "event");
        this.signalFailures = failures(registry, "signal");
        this.renewalFailures = failures(registry, "registration");
    }

    private static Counter failures(MeterRegistry registry, String what) {
        return Counter.builder("parley.gateway.routing.failures").tag("what", what)
                .description("Events, signals and registration renewals that could not be routed through Redis")
                .register(registry);
    }

    /** Listens on this node's channel first, then joins the group, and renews registrations every {@code heartbeat}. */
    public void start(EventBus bus, Topics topics, Duration heartbeat) {
        routing.listen(this::received).block(Duration.ofSeconds(30));
        heartbeats = Flux.interval(heartbeat)
                .concatMap(tick -> routing.heartbeat().onErrorResume(error -> {
                    renewalFailures.increment();
                    log.warn("Could not renew this node's registrations: {}", error.toString());
                    return Mono.empty();
                }))
                .subscribe();
        subscriptions = List.of(
                bus.subscribeRaw(topics.conversationEvents(), GROUP, this::route),
                bus.subscribeRaw(topics.agentEvents(), GROUP, this::route));
        log.info("Node {} routes events in group {}", routing.nodeId(), GROUP);
    }

    /**
     * Hands the event to this node's own sockets directly, in the partition's order, and sends it
     * to every other node that has a socket it may concern: one copy per node on its channel, or
     * one broadcast (which this node, its origin, skips) when the audience is named.
     */
    public Mono<Void> route(ReceivedEvent event) {
        EventHeader header = event.header();
        local.deliver(header, event.bytes());
        String json = new String(event.bytes(), StandardCharsets.UTF_8);
        Mono<Void> sent = !header.audience().named().isEmpty()
                ? routing.broadcast(BROADCAST_EVENT + routing.nodeId() + '\n' + json)
                : routing.sendToNodesOf(header.audience().users(), EVENT + json, false).then();
        return sent.onErrorResume(error -> {
            eventFailures.increment();
            log.warn("Could not route event {} ({}); its recipients will resume it", header.eventId(), error.toString());
            return Mono.empty();
        });
    }

    /** Ephemeral: straight to the nodes of the users it is for; no Kafka, no PostgreSQL. */
    @Override
    public Mono<Void> typing(UUID conversationId, UUID sender, boolean typing, Set<UUID> to) {
        return signal(to, new Routed(new Typing(conversationId, sender, typing, to), null));
    }

    /** Ephemeral, like typing. */
    @Override
    public Mono<Void> send(PresenceChange change, Set<UUID> to) {
        return signal(to, new Routed(null, new Presence(change, to)));
    }

    private Mono<Void> signal(Set<UUID> to, Routed routed) {
        return routing.sendToNodesOf(to, json.writeValueAsString(routed), true).then()
                .onErrorResume(error -> {
                    signalFailures.increment();
                    log.debug("Could not route a signal: {}", error.toString());
                    return Mono.empty();
                });
    }

    private void received(String message) {
        try {
            if (!message.isEmpty() && message.charAt(0) == EVENT) {
                byte[] bytes = message.substring(1).getBytes(StandardCharsets.UTF_8);
                local.deliver(codec.header(bytes), bytes);
                return;
            }
            if (!message.isEmpty() && message.charAt(0) == BROADCAST_EVENT) {
                int end = message.indexOf('\n');
                if (message.substring(1, end).equals(routing.nodeId())) {
                    return; // its origin delivered it to its own sockets already
                }
                byte[] bytes = message.substring(end + 1).getBytes(StandardCharsets.UTF_8);
                local.deliver(codec.header(bytes), bytes);
                return;
            }
            Routed routed = json.readValue(message, Routed.class);
            if (routed.typing() != null) {
                Typing typing = routed.typing();
                local.typing(typing.conversationId(), typing.sender(), typing.typing(), typing.to());
            } else if (routed.presence() != null && routed.presence().change() != null) {
                local.presence(routed.presence().change(), routed.presence().to());
            }
        } catch (MalformedEventException | JacksonException | IllegalArgumentException e) {
            log.warn("Dropped a malformed routed message: {}", e.getMessage());
        }
    }

    @Override
    public void close() {
        subscriptions.forEach(EventSubscription::close);
        if (heartbeats != null) {
            heartbeats.dispose();
        }
    }
}
