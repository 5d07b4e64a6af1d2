package dev.parley.gateway.delivery.adapter.bus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.parley.events.Actor;
import dev.parley.events.Audience;
import dev.parley.events.EventData;
import dev.parley.events.EventEnvelope;
import dev.parley.events.EventHeader;
import dev.parley.events.Topics;
import dev.parley.events.bus.DeliverySettings;
import dev.parley.events.bus.ReceivedEvent;
import dev.parley.events.json.EventCodec;
import dev.parley.events.memory.InMemoryEventBus;
import dev.parley.gateway.FakeWire;
import dev.parley.gateway.delivery.application.EventFanout;
import dev.parley.gateway.routing.adapter.memory.MemoryRouting;
import dev.parley.gateway.session.domain.Principal;
import dev.parley.gateway.session.domain.SessionTable;
import dev.parley.gateway.session.domain.TokenBucket;
import dev.parley.gateway.socket.application.ClientSocket;
import dev.parley.gateway.socket.application.Frames;
import dev.parley.gateway.socket.application.Handshake;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * Routing between two nodes of one process (the memory routing's hub): the node that consumed an
 * event hands it to its own sockets directly and to the other node through its channel; every
 * socket it concerns gets it exactly once, broadcasts included.
 */
class RoutedDeliveryTest {

    private static final Duration TTL = Duration.ofSeconds(30);

    private final MemoryRouting.Hub hub = new MemoryRouting.Hub();
    private final EventCodec codec = new EventCodec();
    private final List<AutoCloseable> closing = new ArrayList<>();
    private final UUID conversation = UUID.randomUUID();

    /** One gateway node: its routing, session table and delivery. */
    private final class Node {
        final MemoryRouting routing;
        final SessionTable<ClientSocket> table = new SessionTable<>(ClientSocket::principal);
        final RoutedDelivery delivery;

        Node(String id) {
            routing = new MemoryRouting(hub, id, Clock.systemUTC(), TTL);
            var fanout = new EventFanout(table, new Frames(JsonMapper.builder().build()), Clock.systemUTC(), Duration.ofMinutes(1));
            delivery = new RoutedDelivery(routing, fanout, new SimpleMeterRegistry());
            var bus = new InMemoryEventBus(2, DeliverySettings.DEFAULT, new SimpleMeterRegistry());
            delivery.start(bus, new Topics("routed-test"), TTL.dividedBy(3));
            closing.add(delivery);
            closing.add(bus);
        }

        FakeWire connect(Principal principal) {
            var wire = new FakeWire();
            var socket = new ClientSocket(wire, new Handshake(null, null, "127.0.0.1"), 100,
                    new TokenBucket(1, 1, Clock.systemUTC()), new ClientSocket.Listener() { });
            socket.authenticate(principal, "token");
            table.add(socket);
            routing.register(principal.userId()).block();
            return wire;
        }
    }

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable each : closing) {
            each.close();
        }
    }

    @Test
    void theConsumingNodeDeliversToItsOwnSocketsAndSendsOneCopyToTheOther() {
        Node here = new Node("here");
        Node there = new Node("there");
        UUID customer = UUID.randomUUID();
        UUID agent = UUID.randomUUID();
        FakeWire customerHere = here.connect(new Principal(customer, Principal.Role.CUSTOMER, null, Set.of()));
        FakeWire agentThere = there.connect(new Principal(agent, Principal.Role.AGENT, null, Set.of()));

        here.delivery.route(received(1, Audience.users(Set.of(customer, agent)))).block();

        await().until(() -> agentThere.written.size() == 1);
        assertThat(customerHere.written).hasSize(1);
    }

    @Test
    void aBroadcastReachesEveryNodesAgentsOnceTheOriginsToo() {
        Node here = new Node("here");
        Node there = new Node("there");
        UUID department = UUID.randomUUID();
        FakeWire agentHere = here.connect(new Principal(UUID.randomUUID(), Principal.Role.AGENT, null, Set.of(department)));
        FakeWire agentThere = there.connect(new Principal(UUID.randomUUID(), Principal.Role.AGENT, null, Set.of(department)));

        here.delivery.route(received(1, Audience.users(Set.of()).withNamed(Audience.department(department)))).block();
        here.delivery.route(received(2, Audience.users(Set.of()).withNamed(Audience.department(department)))).block();

        await().until(() -> agentThere.written.size() == 2);
        assertThat(agentHere.written).as("not again through the broadcast channel").hasSize(2);
        assertThat(agentHere.written.get(0)).contains("\"seq\":1");
    }

    private ReceivedEvent received(long seq, Audience audience) {
        UUID sender = UUID.randomUUID();
        var data = new EventData.MessageCreated(UUID.randomUUID(), sender, "AGENT", "TEXT", "hello " + seq, null,
                "c-" + seq, Instant.now());
        var event = EventEnvelope.of(UUID.randomUUID(), conversation, seq, Instant.now(), Actor.agent(sender), audience, data);
        return new ReceivedEvent(EventHeader.of(event), codec.encode(event));
    }
}
