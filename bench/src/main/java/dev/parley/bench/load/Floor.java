package dev.parley.bench.load;

import io.netty.channel.EventLoopGroup;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The support floor as the load generator holds it: the customers (node A) and agents (node B) of
 * the cast, their sockets spread over source addresses 127.0.0.2, .3, … ({@code socketsPerAddress}
 * each, customers first), the ledger of every message, and reconnection after a close nobody asked
 * for (after a second, agents resuming from the seqs they saw).
 */
final class Floor {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int FIRST_ADDRESS = 2;

    private final WebSockets sockets;
    private final EventLoopGroup loops;
    private final Cast cast;
    private final Ledger ledger;
    private final List<Customer> customers = new ArrayList<>();
    private final List<Agent> agents = new ArrayList<>();
    private final Map<String, Integer> conversationIndex = new HashMap<>();
    private final int[] owner;
    private final HttpClient http = HttpClient.newHttpClient();
    final Map<String, LongAdder> unexpectedCloses = new ConcurrentHashMap<>();
    private volatile boolean reconnecting = true;
    private final int perAddress;
    private int generation;

    /** What the benchmark seeded, as the load generator reads it from the cast file. */
    record Cast(String customersHost, int customersPort, String agentsHost, int agentsPort, String service,
                List<AgentSeat> agents, List<CustomerSeat> customers) {
    }

    record AgentSeat(String id, String access, String refresh) {
    }

    record CustomerSeat(String token, String conversationId, int agent) {
    }

    Floor(EventLoopGroup loops, Cast cast, ReadPolicy policy, int socketsPerAddress) {
        this.loops = loops;
        this.sockets = new WebSockets(loops);
        this.cast = cast;
        this.ledger = new Ledger(cast.customers().size());
        this.owner = new int[cast.customers().size()];
        this.perAddress = socketsPerAddress;
        int socket = 0;
        for (int i = 0; i < cast.customers().size(); i++) {
            CustomerSeat seat = cast.customers().get(i);
            conversationIndex.put(seat.conversationId(), i);
            owner[i] = seat.agent();
            Customer customer = new Customer(address(socket++, socketsPerAddress), seat.token(), seat.conversationId(), ledger,
                    code -> closed("customer", code));
            customers.add(customer);
        }
        for (int i = 0; i < cast.agents().size(); i++) {
            AgentSeat seat = cast.agents().get(i);
            int number = i;
            agents.add(new Agent(address(socket++, socketsPerAddress), number, seat.access(), seat.refresh(), this, policy,
                    code -> closed("agent", code)));
        }
    }

    private static String address(int socket, int perAddress) {
        return address(socket, perAddress, 0);
    }

    /** 127.&lt;generation&gt;.0.x (Linux routes all of 127.0.0.0/8 to the loopback interface). */
    private static String address(int socket, int perAddress, int generation) {
        int host = FIRST_ADDRESS + socket / perAddress;
        if (host > 254) {
            throw new IllegalArgumentException("more sockets than 127.x.0.2–254 hold at " + perAddress + " per address");
        }
        return "127." + generation + ".0." + host;
    }

    /**
     * Moves every client to addresses none of them used before, as if the floor were a new set of
     * machines. After a saturated step many hellos time out (4408) at once; the gateway counts those
     * against their addresses (20 per 5 minutes) and answers 429 for a while, as it should for a
     * misbehaving address, but the next step is not about that.
     */
    synchronized void moveToFreshAddresses() {
        generation++;
        int socket = 0;
        for (Customer customer : customers) {
            customer.source = address(socket++, perAddress, generation);
        }
        for (Agent agent : agents) {
            agent.source = address(socket++, perAddress, generation);
        }
    }

    Ledger ledger() {
        return ledger;
    }

    List<Customer> customers() {
        return customers;
    }

    List<Agent> agents() {
        return agents;
    }

    int conversationIndex(String conversationId) {
        Integer index = conversationIndex.get(conversationId);
        return index == null ? -1 : index;
    }

    String conversationId(int conversation) {
        return customers.get(conversation).conversationId;
    }

    int owner(int conversation) {
        return owner[conversation];
    }

    /** Opens every socket not open (agents first, so nothing sent is missed), at most 50 handshakes at a time. */
    void connectAll(Duration limit) {
        reconnecting = true;
        List<Client> pending = new ArrayList<>();
        agents.stream().filter(agent -> !agent.isOpen()).forEach(pending::add);
        connect(pending, limit);
        pending.clear();
        customers.stream().filter(customer -> !customer.isOpen()).forEach(pending::add);
        connect(pending, limit);
    }

    /**
     * Connects {@code clients}; those refused or closed before their welcome (a busy node may miss
     * the hello timeout) try again after 5, 10, 15, 20 s from fresh addresses, as a client backs off.
     */
    private void connect(List<? extends Client> clients, Duration limit) {
        List<? extends Client> pending = clients;
        for (int round = 1; !pending.isEmpty(); round++) {
            // few handshakes at a time: a cold node verifying 50 hellos at once missed the 5 s hello timeout
            Semaphore inFlight = new Semaphore(10);
            List<CompletableFuture<Void>> all = new ArrayList<>();
            for (Client client : pending) {
                inFlight.acquireUninterruptibly();
                CompletableFuture<Void> opened = open(client);
                opened.whenComplete((ok, error) -> inFlight.release());
                all.add(opened);
            }
            try {
                CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).orTimeout(limit.toMillis(), TimeUnit.MILLISECONDS)
                        .join();
            } catch (java.util.concurrent.CompletionException e) {
                if (round >= 5) {
                    throw e;
                }
                System.err.println("connect round " + round + ": " + e.getCause() + "; retrying those not open"
                        + " from fresh addresses");
                java.util.concurrent.locks.LockSupport.parkNanos(TimeUnit.SECONDS.toNanos(5L * round));
                // failed hellos count against their address (then 429): retry as other machines would
                moveToFreshAddresses();
            }
            pending = pending.stream().filter(client -> !client.isOpen()).toList();
        }
    }

    private CompletableFuture<Void> open(Client client) {
        if (client.connecting) {
            return client.ready();
        }
        client.connecting = true;
        boolean customer = client instanceof Customer;
        var handler = client.handler();
        CompletableFuture<Void> ready = client.ready();
        sockets.connect(customer ? cast.customersHost() : cast.agentsHost(), customer ? cast.customersPort() : cast.agentsPort(),
                client.source, () -> handler).addListener(future -> {
                    if (!future.isSuccess()) {
                        ready.completeExceptionally(future.cause());
                    }
                });
        ready.whenComplete((ok, error) -> client.connecting = false);
        return ready;
    }

    /** Closes every customer's socket (and with {@code agentsToo} every agent's) on purpose. */
    void close(boolean agentsToo) {
        reconnecting = false;
        customers.forEach(Client::close);
        if (agentsToo) {
            agents.forEach(Client::close);
        }
    }

    private void closed(String role, int code) {
        unexpectedCloses.computeIfAbsent(role + " " + code, unused -> new LongAdder()).increment();
        if (!reconnecting) {
            return;
        }
        loops.schedule(() -> {
            List<Client> closed = new ArrayList<>();
            (role.equals("agent") ? agents : customers).stream().filter(c -> !c.isOpen()).forEach(closed::add);
            closed.forEach(this::open);
        }, 1, TimeUnit.SECONDS);
    }

    Map<String, Long> closes() {
        Map<String, Long> counts = new TreeMap<>();
        unexpectedCloses.forEach((reason, adder) -> counts.put(reason, adder.sum()));
        return counts;
    }

    /** The agent was told its token expires: refresh it as the console does, then send {@code auth}. */
    void renew(Agent agent) {
        var request = HttpRequest.newBuilder(URI.create(cast.service() + "/api/v1/auth/refresh"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"refreshToken\":\"" + agent.refreshToken() + "\"}")).build();
        http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).thenAccept(response -> {
            if (response.statusCode() != 200) {
                System.err.println("refresh of agent " + agent.number + " answered " + response.statusCode() + ": " + response.body());
                return;
            }
            JsonNode tokens = JSON.readTree(response.body());
            agent.renewed(tokens.path("accessToken").asString(), tokens.path("refreshToken").asString());
        });
    }
}
