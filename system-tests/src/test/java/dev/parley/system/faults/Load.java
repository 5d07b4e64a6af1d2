package dev.parley.system.faults;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.awaitility.core.ConditionTimeoutException;

/**
 * One scenario's traffic: {@code customers} customers, each with a conversation of their own, spread
 * over both gateway nodes, and agent Bob, who has joined them all, in four tabs over both nodes. A pacer sends
 * {@code rate} messages a second in turn from each customer and from Bob to each conversation;
 * some of Bob's are notes, and now and then he types, so visibility is checked under the same load.
 * A message is sent only when its sender's socket is open; one sent on a socket that dies unanswered
 * counts as sent, not acked.
 */
final class Load implements AutoCloseable {

    static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final int AGENT_TABS = 4;

    /** The first is the real TypeScript client ({@link NodeCustomer}), the others the Java {@link LoadClient}. */
    private final List<LoadUser> customers = new ArrayList<>();
    private final List<String> conversations = new ArrayList<>();
    /** Bob's tabs: a socket executes its commands one at a time, so one socket would queue the whole agent side. */
    private final List<LoadClient> bob;
    final Tally tally;
    private final int rate;
    private final double noteShare;
    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final AtomicLong sent = new AtomicLong();
    private volatile boolean pacing;
    private Thread pacer;

    private Load(Tally tally, List<LoadClient> bob, int rate, double noteShare) {
        this.tally = tally;
        this.bob = bob;
        this.rate = rate;
        this.noteShare = noteShare;
    }

    /** Opens the conversations over HTTP, has Bob join them, connects everyone and waits until all have caught up. */
    static Load open(FaultCluster cluster, int customerCount, int rate, int capacity, double noteShare) {
        Api api = new Api(cluster.serviceUrl());
        String bobToken = api.bobToken();
        int[] ports = {cluster.gatewayPort(0), cluster.gatewayPort(1)};
        Tally tally = new Tally(capacity);
        List<String> ids = new ArrayList<>();
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < customerCount; i++) {
            String token = api.newCustomer().path("token").asString();
            String conversation = api.startConversation(token);
            api.join(bobToken, conversation);
            tokens.add(token);
            ids.add(conversation);
        }
        List<LoadClient> bob = new ArrayList<>();
        for (int tab = 0; tab < AGENT_TABS; tab++) {
            bob.add(new LoadClient("bob-" + tab, true, bobToken, ids, tab % 2 == 0 ? new int[] {ports[1], ports[0]} : ports, tally,
                    false));
        }
        Load load = new Load(tally, bob, rate, noteShare);
        load.conversations.addAll(ids);
        NodeCustomer.requireDriver();
        for (int i = 0; i < customerCount; i++) {
            int[] mine = i % 2 == 0 ? ports : new int[] {ports[1], ports[0]};
            load.customers.add(i == 0 ? new NodeCustomer("customer-0-ts", tokens.get(i), ids.get(i), mine, tally)
                    : new LoadClient("customer-" + i, false, tokens.get(i), List.of(ids.get(i)), mine, tally, false));
        }
        for (int tab = 0; tab < AGENT_TABS; tab++) {
            bob.get(tab).connect(ports[(tab + 1) % 2]);
        }
        for (int i = 0; i < customerCount; i++) {
            load.customers.get(i).connect(ports[i % 2]); // a hello that fails reconnects by itself
        }
        await().atMost(PATIENCE).until(load::everyoneCaughtUp);
        return load;
    }

    /** Starts sending. */
    void start() {
        pacing = true;
        pacer = new Thread(this::pace, "load-pacer");
        pacer.setDaemon(true);
        pacer.start();
    }

    private void pace() {
        Random random = new Random(42);
        long interval = TimeUnit.SECONDS.toNanos(1) / rate;
        long next = System.nanoTime();
        for (long tick = 0; pacing; tick++) {
            int conversation = (int) ((tick / 2) % conversations.size());
            boolean fromAgent = tick % 2 == 1;
            LoadClient tab = bob.get((int) ((tick / 2) % bob.size()));
            LoadUser sender = fromAgent ? tab : customers.get(conversation);
            boolean note = fromAgent && random.nextDouble() < noteShare;
            if (sender.isOpen()) {
                int index = tally.allocate(fromAgent, note);
                if (index < 0) {
                    return;
                }
                if (sender.sendMessage(index, conversations.get(conversation), run + "-" + index, note)) {
                    tally.sent(index);
                    sent.incrementAndGet();
                }
                if (fromAgent && tick % 20 == 1) {
                    tab.send("{\"type\":\"typing\",\"ref\":\"t\",\"conversationId\":\"" + conversations.get(conversation) + "\"}");
                }
            }
            next += interval;
            LockSupport.parkNanos(next - System.nanoTime()); // the load's pace, not a wait for a result
        }
    }

    long sent() {
        return sent.get();
    }

    /**
     * Waits until {@code more} further messages were sent: how long a fault lasts, in traffic. The
     * patience is on top of the time the pace itself takes (70 s for the size's 3,500).
     */
    void awaitSent(long more) {
        long target = sent.get() + more;
        await().atMost(PATIENCE.plusSeconds(more / rate)).pollInterval(Duration.ofMillis(20)).until(() -> sent.get() >= target);
    }

    boolean everyoneOpen() {
        return all().stream().allMatch(LoadUser::isOpen);
    }

    boolean everyoneCaughtUp() {
        return all().stream().allMatch(LoadUser::caughtUp);
    }

    /**
     * Recovered: every socket open again, everything acked before {@code healedAt} delivered, and a
     * message sent after it delivered too. Returns the time from {@code faultAt} until then, or null
     * if that did not happen within the patience.
     */
    Duration awaitRecovery(long faultAt, long healedAt) {
        try {
            await().atMost(PATIENCE).pollInterval(Duration.ofMillis(100)).until(() -> everyoneOpen()
                    && tally.deliveredEverythingAckedBefore(healedAt) && deliveredOneSentAfter(healedAt));
            return Duration.ofNanos(System.nanoTime() - faultAt);
        } catch (ConditionTimeoutException e) {
            System.out.println("fault suite: not recovered: open " + everyoneOpen() + ", acked before the heal delivered "
                    + tally.deliveredEverythingAckedBefore(healedAt) + ", one sent after delivered " + deliveredOneSentAfter(healedAt)
                    + "; in flight: " + stalled());
            return null;
        }
    }

    private boolean deliveredOneSentAfter(long at) {
        return tally.deliveredOneSentAfter(at);
    }

    /**
     * Stops sending, lets every acked message arrive, then has every client resume once more (close,
     * reconnect with {@code lastSeqs}) and catch up: what is still missing after that is lost.
     */
    Tally.Totals finish() {
        pacing = false;
        try {
            pacer.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        long end = System.nanoTime();
        try {
            await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(100)).until(() -> stalled().isEmpty());
        } catch (ConditionTimeoutException e) {
            System.out.println("fault suite: before the final resume, still in flight: " + stalled());
        }
        try {
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                    .until(() -> tally.deliveredEverythingAckedBefore(end + 1));
        } catch (ConditionTimeoutException e) {
            // the final resume below is the clients' last chance; what it misses is lost
        }
        all().forEach(LoadUser::resume);
        try {
            await().atMost(PATIENCE).pollInterval(Duration.ofMillis(100)).until(this::everyoneCaughtUp);
        } catch (ConditionTimeoutException e) {
            System.err.println("not every client caught up after the final resume");
        }
        return tally.totals();
    }

    /** The clients with messages unanswered or fills running. */
    List<String> stalled() {
        List<String> stalled = new ArrayList<>();
        for (LoadUser client : all()) {
            String state = client.state();
            if (!state.endsWith(": 0 unanswered, 0 fills running")) {
                stalled.add(state);
            }
        }
        return stalled;
    }

    private List<LoadUser> all() {
        List<LoadUser> all = new ArrayList<>(customers);
        all.addAll(bob);
        return all;
    }

    /** The sockets the load holds: its customers' and Bob's tabs. */
    int sockets() {
        return customers.size() + bob.size();
    }

    Map<String, Long> reconnects() {
        Map<String, Long> counts = new HashMap<>();
        counts.put("bob", bob.stream().mapToLong(LoadUser::reconnects).sum());
        counts.put("customers", customers.stream().mapToLong(LoadUser::reconnects).sum());
        return counts;
    }

    /** The customer on the real TypeScript client. */
    NodeCustomer typeScriptCustomer() {
        return (NodeCustomer) customers.get(0);
    }

    @Override
    public void close() {
        pacing = false;
        bob.forEach(LoadClient::stop);
        customers.forEach(LoadUser::stop);
    }
}
