package dev.parley.gateway.delivery.application;

import dev.parley.events.EventData;
import dev.parley.events.EventEnvelope;
import dev.parley.events.EventHeader;
import dev.parley.events.json.EventCodec;
import dev.parley.events.json.MalformedEventException;
import dev.parley.gateway.presence.domain.PresenceChange;
import dev.parley.gateway.session.domain.Principal;
import dev.parley.gateway.session.domain.SessionTable;
import dev.parley.gateway.socket.application.ClientSocket;
import dev.parley.gateway.socket.application.Frames;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.UUID;

/**
 * Delivers events to this node's sockets. Each event's bytes are framed once and queued on every local
 * socket its audience admits ({@code SessionTable} applies the {@code DeliveryPolicy}, on every
 * node, whatever routing decided); queuing never waits, so a slow socket slows nobody. Delivery is
 * best effort: a client that missed something resumes from its last seq.
 */
public final class EventFanout {

    private final SessionTable<ClientSocket> table;
    private final Frames frames;
    private final EventCodec codec = new EventCodec();
    private final Instant oldestDelivered;

    public EventFanout(SessionTable<ClientSocket> table, Frames frames, Clock clock, Duration catchUpWindow) {
        this.table = table;
        this.frames = frames;
        this.oldestDelivered = clock.instant().minus(catchUpWindow);
    }

    /** Queues the event on every local socket allowed to see it. */
    public void deliver(EventEnvelope event) {
        deliver(EventHeader.of(event), codec.encode(event));
    }

    /**
     * Queues the event whose {@code docs/events.md} JSON is {@code bytes} on every local socket its
     * header's audience admits: one frame around those bytes, shared by every socket.
     */
    public void deliver(EventHeader event, byte[] bytes) {
        if (event.occurredAt().isBefore(oldestDelivered)) {
            return;
        }
        if (EventData.AgentDepartmentsChanged.TYPE.equals(event.type())) {
            applyDepartments(bytes);
        }
        var recipients = table.recipients(event.audience());
        if (recipients.isEmpty()) {
            return;
        }
        var frame = frames.event(bytes, event.occurredAt());
        recipients.forEach(socket -> socket.deliver(event.conversationId(), event.seq(), frame));
    }

    /**
     * An agent's new departments take effect on their sockets here before the event is passed on, so
     * once the console has it no later delivery uses the old set (issue 15, defect 4). The one
     * event type the gateway decodes: authorization depends on it.
     */
    private void applyDepartments(byte[] bytes) {
        EventData data;
        try {
            data = codec.decode(bytes).data();
        } catch (MalformedEventException e) {
            return; // its header was readable; the rest is for the console, which ignores what it cannot read
        }
        if (!(data instanceof EventData.AgentDepartmentsChanged changed)) {
            return;
        }
        for (ClientSocket socket : table.of(changed.agentId())) {
            Principal principal = socket.principal();
            if (principal != null && principal.isAgent()) {
                socket.changePrincipal(principal.withDepartments(changed.departmentIds()));
            }
        }
    }

    /** A presence change to the local sockets of {@code to} that belong to agents: customers never get one. */
    public void presence(PresenceChange change, Collection<UUID> to) {
        var frame = frames.presence(change);
        to.stream().flatMap(user -> table.of(user).stream())
                .filter(socket -> socket.principal().isAgent())
                .forEach(socket -> socket.send(frame));
    }

    /** A typing signal to the local sockets of {@code to}, never back to the sender. */
    public void typing(UUID conversationId, UUID sender, boolean typing, Collection<UUID> to) {
        var frame = frames.typing(conversationId, sender, typing);
        to.stream().filter(user -> !user.equals(sender))
                .flatMap(user -> table.of(user).stream())
                .forEach(socket -> socket.send(frame));
    }
}
