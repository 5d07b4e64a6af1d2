package dev.parley.gateway.delivery.adapter.bus;

import dev.parley.events.EventEnvelope;
import dev.parley.events.Topics;
import dev.parley.events.bus.EventBus;
import dev.parley.events.bus.EventSubscription;
import dev.parley.events.json.EventCodec;
import dev.parley.gateway.session.domain.SessionTable;
import dev.parley.gateway.socket.adapter.ws.ClientSocket;
import dev.parley.gateway.socket.adapter.ws.Frames;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * Delivers the conversation and agent events to this node's sockets (single-node routing: every
 * node reads every event in its own consumer group {@code chat-gateway.<nodeId>}). Each event is
 * encoded once and queued on every local socket its audience admits ({@code SessionTable}
 * applies the {@code DeliveryPolicy}); queuing never waits, so a slow socket slows nobody.
 * Delivery is best effort: a client that missed something resumes from its last seq.
 */
public final class EventFanout implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EventFanout.class);

    private final SessionTable<ClientSocket> table;
    private final Frames frames;
    private final EventCodec codec = new EventCodec();
    private final Instant oldestDelivered;
    private List<EventSubscription> subscriptions = List.of();

    public EventFanout(SessionTable<ClientSocket> table, Frames frames, Clock clock, Duration catchUpWindow) {
        this.table = table;
        this.frames = frames;
        this.oldestDelivered = clock.instant().minus(catchUpWindow);
    }

    public void start(EventBus bus, Topics topics, String nodeId) {
        String group = "chat-gateway." + nodeId;
        subscriptions = List.of(
                bus.subscribe(topics.conversationEvents(), group, this::deliver),
                bus.subscribe(topics.agentEvents(), group, this::deliver));
        log.info("Delivering events to this node's sockets as group {}", group);
    }

    /** Queues the event on every local socket allowed to see it. */
    public Mono<Void> deliver(EventEnvelope event) {
        if (event.occurredAt().isBefore(oldestDelivered)) {
            return Mono.empty();
        }
        var recipients = table.recipients(event.audience());
        if (recipients.isEmpty()) {
            return Mono.empty();
        }
        var frame = frames.event(frames.json().readTree(codec.encode(event)), event.occurredAt());
        recipients.forEach(socket -> socket.deliver(event.conversationId(), event.seq(), frame));
        return Mono.empty();
    }

    @Override
    public void close() {
        subscriptions.forEach(EventSubscription::close);
    }
}
