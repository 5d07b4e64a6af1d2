package dev.parley.gateway.delivery.application;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.events.Actor;
import dev.parley.gateway.FakeWire;
import dev.parley.events.Audience;
import dev.parley.events.EventData;
import dev.parley.events.EventEnvelope;
import dev.parley.gateway.session.domain.Principal;
import dev.parley.gateway.session.domain.SessionTable;
import dev.parley.gateway.session.domain.TokenBucket;
import dev.parley.gateway.socket.application.ClientSocket;
import dev.parley.gateway.socket.application.CloseCodes;
import dev.parley.gateway.socket.application.Frames;
import dev.parley.gateway.socket.application.Handshake;
import dev.parley.gateway.socket.application.Outgoing;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** Fan-out to local sockets: a socket that stops reading is cut off; the others get everything. */
class EventFanoutTest {

    private static final int QUEUE = 32;
    private static final int EVENTS = 500;

    private final SessionTable<ClientSocket> table = new SessionTable<>(ClientSocket::principal);
    private final Frames frames = new Frames(JsonMapper.builder().build());
    private final EventFanout fanout = new EventFanout(table, frames, Clock.systemUTC(), Duration.ofMinutes(1));
    private final AtomicInteger overflows = new AtomicInteger();
    private final UUID conversation = UUID.randomUUID();

    @Test
    void aSlowReaderIsClosedWithSlowConsumerWhileOthersReceiveEveryEvent() {
        UUID customer = UUID.randomUUID();
        UUID agent = UUID.randomUUID();
        FakeWire slowWire = new FakeWire().stopReading(); // a reader whose TCP window stays shut
        FakeWire fastWire = new FakeWire();
        socket(slowWire, new Principal(agent, Principal.Role.AGENT, null, Set.of()));
        socket(fastWire, new Principal(customer, Principal.Role.CUSTOMER, null, Set.of()));

        for (long seq = 1; seq <= EVENTS; seq++) {
            fanout.deliver(message(seq, Audience.users(Set.of(customer, agent))));
        }

        assertThat(fastWire.written).hasSize(EVENTS);
        assertThat(slowWire.closeRequested).isEqualTo(CloseCodes.SLOW_CONSUMER);
        assertThat(overflows).hasValue(1);
    }

    @Test
    void anAgentsOnlyEventIsNotQueuedForTheCustomerNamedInIt() {
        UUID customer = UUID.randomUUID();
        UUID agent = UUID.randomUUID();
        FakeWire toCustomer = new FakeWire();
        FakeWire toAgent = new FakeWire();
        socket(toCustomer, new Principal(customer, Principal.Role.CUSTOMER, null, Set.of()));
        socket(toAgent, new Principal(agent, Principal.Role.AGENT, null, Set.of()));

        fanout.deliver(message(1, Audience.agentsOnly(Set.of(customer, agent))));

        assertThat(toCustomer.written).isEmpty();
        assertThat(toAgent.written).hasSize(1);
    }

    /**
     * Issue 15, defect 4: an agent's departments were read at the hello only, so one removed from
     * a department kept receiving its traffic until they reconnected.
     */
    @Test
    void anAgentRemovedFromADepartmentStopsReceivingItsTrafficOnTheOpenSocket() {
        UUID agent = UUID.randomUUID();
        UUID support = UUID.randomUUID();
        UUID sales = UUID.randomUUID();
        FakeWire toAgent = new FakeWire();
        socket(toAgent, new Principal(agent, Principal.Role.AGENT, null, Set.of(support, sales)));
        fanout.deliver(queued(1, support));

        fanout.deliver(EventEnvelope.of(UUID.randomUUID(), null, null, Instant.now(), Actor.agent(UUID.randomUUID()),
                Audience.agentsOnly(Set.of(agent)), new EventData.AgentDepartmentsChanged(agent, Set.of(sales), Instant.now())));
        fanout.deliver(queued(2, support));
        fanout.deliver(queued(3, sales));

        assertThat(toAgent.written).hasSize(3); // the first queued, the change itself, the one in sales
        assertThat(toAgent.written.get(1)).contains("agent.departments_changed");
        assertThat(toAgent.written.get(2)).contains(sales.toString()).doesNotContain(support.toString());
    }

    private EventEnvelope queued(long seq, UUID department) {
        return EventEnvelope.of(UUID.randomUUID(), conversation, seq, Instant.now(), Actor.system(),
                Audience.users(Set.of()).withNamed(Audience.department(department)),
                new EventData.ConversationQueued(department, Instant.now(), false));
    }

    private ClientSocket socket(FakeWire wire, Principal principal) {
        var socket = new ClientSocket(wire, new Handshake(null, null, "127.0.0.1"), QUEUE,
                new TokenBucket(1, 1, Clock.systemUTC()), new ClientSocket.Listener() {
                    @Override
                    public void overflowed() {
                        overflows.incrementAndGet();
                    }
                });
        socket.authenticate(principal, "token");
        table.add(socket);
        return socket;
    }

    private EventEnvelope message(long seq, Audience audience) {
        UUID sender = UUID.randomUUID();
        var data = new EventData.MessageCreated(UUID.randomUUID(), sender, "AGENT", "NOTE", "hello " + seq, null,
                "c-" + seq, Instant.now());
        return EventEnvelope.of(UUID.randomUUID(), conversation, seq, Instant.now(), Actor.agent(sender), audience, data);
    }
}
