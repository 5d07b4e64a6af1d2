package dev.parley.gateway.delivery.adapter.bus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.events.Actor;
import dev.parley.gateway.FakeSession;
import dev.parley.events.Audience;
import dev.parley.events.EventData;
import dev.parley.events.EventEnvelope;
import dev.parley.gateway.session.domain.Principal;
import dev.parley.gateway.session.domain.SessionTable;
import dev.parley.gateway.session.domain.TokenBucket;
import dev.parley.gateway.socket.adapter.ws.ClientSocket;
import dev.parley.gateway.socket.adapter.ws.CloseCodes;
import dev.parley.gateway.socket.adapter.ws.Frames;
import dev.parley.gateway.socket.adapter.ws.Outgoing;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.BaseSubscriber;
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
        FakeSession slowSession = new FakeSession();
        ClientSocket slow = socket(slowSession, new Principal(agent, Principal.Role.AGENT, null, Set.of()));
        ClientSocket fast = socket(new FakeSession(), new Principal(customer, Principal.Role.CUSTOMER, null, Set.of()));
        List<Outgoing> received = new CopyOnWriteArrayList<>();
        fast.outbound().subscribe(received::add);
        slow.outbound().subscribe(new BaseSubscriber<>() {
            @Override
            protected void hookOnSubscribe(org.reactivestreams.Subscription subscription) {
                // never requests: a reader whose TCP window stays shut
            }
        });

        for (long seq = 1; seq <= EVENTS; seq++) {
            fanout.deliver(message(seq, Audience.users(Set.of(customer, agent))));
        }

        assertThat(received).hasSize(EVENTS);
        assertThat(slowSession.closedWith).isEqualTo(CloseCodes.SLOW_CONSUMER);
        assertThat(overflows).hasValue(1);
    }

    @Test
    void anAgentsOnlyEventIsNotQueuedForTheCustomerNamedInIt() {
        UUID customer = UUID.randomUUID();
        UUID agent = UUID.randomUUID();
        ClientSocket customerSocket = socket(new FakeSession(), new Principal(customer, Principal.Role.CUSTOMER, null, Set.of()));
        ClientSocket agentSocket = socket(new FakeSession(), new Principal(agent, Principal.Role.AGENT, null, Set.of()));
        List<Outgoing> toCustomer = new CopyOnWriteArrayList<>();
        List<Outgoing> toAgent = new CopyOnWriteArrayList<>();
        customerSocket.outbound().subscribe(toCustomer::add);
        agentSocket.outbound().subscribe(toAgent::add);

        fanout.deliver(message(1, Audience.agentsOnly(Set.of(customer, agent))));

        assertThat(toCustomer).isEmpty();
        assertThat(toAgent).hasSize(1);
    }

    private ClientSocket socket(FakeSession session, Principal principal) {
        var socket = new ClientSocket(session, QUEUE, new TokenBucket(1, 1, Clock.systemUTC()), overflows::incrementAndGet);
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
