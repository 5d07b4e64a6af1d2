package dev.parley.system.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.parley.conversation.ConversationServiceApplication;
import dev.parley.system.ServiceArguments;
import dev.parley.testsupport.RealInfrastructure;
import dev.parley.testsupport.TestDatabase;
import dev.parley.testsupport.TestKafka;
import dev.parley.testsupport.TestRedis;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Measures, for docs/benchmarks.md: delivery latency across two gateway nodes through the persisted
 * path, and CPU seconds per 1,000 delivered messages. conversation-service and the two gateways run
 * in their own JVMs (so each one's CPU time can be read); Kafka and the clients run in this one.
 *
 * <p>Customers on node A send {@code message.send} open-loop at {@code -Dparley.bench.rate} messages
 * a second in total (default 50), round robin over {@code -Dparley.bench.conversations} conversations
 * (default 50: a socket's commands run one at a time, so concurrency comes from conversations);
 * Bob, on node B, has accepted all of them. Latency is from each message's <em>intended</em> send
 * time (start + i / rate) to Bob's socket reading it, so a stall delays the measured messages instead
 * of silently pausing the load (no coordinated omission). The path: gateway A → conversation-service
 * append (PostgreSQL) → outbox relay → Kafka → the partition owner's gateway → Redis → gateway B →
 * socket. Run: {@code ./mvnw -Pbenchmarks -pl system-tests -am verify -Dit.test=DeliveryBenchmark
 * -Dfailsafe.failIfNoSpecifiedTests=false [-Dparley.bench.rate=1000 -Dparley.bench.seconds=60]}.
 */
@RealInfrastructure
class DeliveryBenchmark {

    private static final int RATE = Integer.getInteger("parley.bench.rate", 50);
    private static final int SECONDS = Integer.getInteger("parley.bench.seconds", 20);
    /**
     * Long enough for the JIT to settle: at 60 msg/s the C2 compiler threads still took over a third
     * of each service's CPU 90 s in, so a short warm-up charges compilation to every message.
     */
    private static final int WARMUP_SECONDS = Integer.getInteger("parley.bench.warmup", 120);
    private static final int CONVERSATIONS = Integer.getInteger("parley.bench.conversations", 50);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** The gateway's main sets one Reactor Netty event loop per core (its default is max(cores, 4)). */
    private static final List<String> GATEWAY_JVM = List.of("-Xmx512m");
    private static final String[] GATEWAY_SETTINGS = {
            "parley.gateway.commands-per-second=10000", "parley.gateway.command-burst=10000",
            "parley.gateway.limits.commands-per-user=1000000",
            "parley.gateway.outbound-queue=100000"};

    @Test
    void deliveryLatencyAcrossTwoNodesAndCpuPerThousandMessages(TestDatabase database, TestKafka kafka, TestRedis redis)
            throws Exception {
        List<String> serviceArguments = List.of(ServiceArguments.conversationService(database, kafka,
                "--spring.data.redis.url=" + redis.uri(),
                "--parley.identity.services.chat-gateway.secret=" + Stack.PRESENCE_SECRET));
        try (var service = ServiceProcess.start(ConversationServiceApplication.class, List.of("-Xmx768m"),
                serviceArguments, "bench-conversation-service")) {
            Cast.seed(database);
            try (var nodeA = ServiceProcess.start(dev.parley.gateway.ChatGatewayApplication.class, GATEWAY_JVM,
                    Stack.gatewayArguments(service.port, 1, kafka, redis, GATEWAY_SETTINGS), "bench-gateway-a");
                 var nodeB = ServiceProcess.start(dev.parley.gateway.ChatGatewayApplication.class, GATEWAY_JVM,
                         Stack.gatewayArguments(service.port, 2, kafka, redis, GATEWAY_SETTINGS), "bench-gateway-b")) {
                run(service, nodeA, nodeB);
            }
        }
    }

    private static void run(ServiceProcess service, ServiceProcess nodeA, ServiceProcess nodeB) throws Exception {
        var tokens = new Tokens(service.port);
        Client bob = Client.hello(nodeB.port, tokens.bob(), Map.of());
        List<Sender> senders = new ArrayList<>();
        Histogram acks = new Histogram(TimeUnit.MINUTES.toNanos(5), 3);
        for (int i = 0; i < CONVERSATIONS; i++) {
            String token = tokens.newCustomer().path("token").asString();
            UUID conversationId;
            try (Client customer = Client.hello(nodeA.port, token, Map.of())) {
                conversationId = UUID.fromString(customer.call("conversation.start", Map.of()).path("id").asString());
            }
            // accepted, as in a chat with an agent: a joined conversation would stay with the bot,
            // which answers (an FAQ search and a second event) every customer message
            bob.call("conversation.accept", Map.of("conversationId", conversationId));
            // a lean socket for the load: Client keeps every frame it receives
            senders.add(Sender.connect(nodeA.port, conversationId, token, acks));
        }
        bob.close();
        var receiver = Receiver.connect(nodeB.port, tokens.bob());

        long interval = TimeUnit.SECONDS.toNanos(1) / RATE;
        int warmup = RATE * WARMUP_SECONDS;
        int measured = RATE * SECONDS;
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(200);
        var schedule = new Schedule(start, interval, warmup);
        receiver.begin(schedule);
        senders.forEach(sender -> sender.begin(schedule));
        Duration[] cpuBefore = new Duration[3];
        for (int i = 0; i < warmup + measured; i++) {
            long intended = start + i * interval;
            if (i == warmup) {
                cpuBefore = cpu(service, nodeA, nodeB);
            }
            long wait = intended - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            senders.get(i % senders.size()).send(i);
        }
        await().atMost(Duration.ofMinutes(5)).until(() -> receiver.received.get() >= warmup + measured);
        Duration[] cpuAfter = cpu(service, nodeA, nodeB);

        Histogram latency = receiver.measured();
        assertThat(latency.getTotalCount()).isEqualTo(measured);
        await().atMost(Duration.ofMinutes(1)).until(() -> count(acks) >= measured);
        double serviceCpu = seconds(cpuAfter[0].minus(cpuBefore[0]));
        double gatewaysCpu = seconds(cpuAfter[1].minus(cpuBefore[1]).plus(cpuAfter[2].minus(cpuBefore[2])));
        System.out.printf("delivery across two nodes, %d msg/s open loop, %d conversations, %d measured after %d warm-up:"
                        + " p50 %.1f ms, p99 %.1f ms, p99.9 %.1f ms, max %.1f ms%n",
                RATE, CONVERSATIONS, measured, warmup, ms(latency.getValueAtPercentile(50)),
                ms(latency.getValueAtPercentile(99)), ms(latency.getValueAtPercentile(99.9)), ms(latency.getMaxValue()));
        System.out.println("  of which the command (send → ack): " + percentiles(acks)
                + "; after the append (event occurredAt → Bob reads it): " + percentiles(receiver.afterAppend()));
        System.out.printf("CPU per 1,000 delivered messages: conversation-service %.2f s, gateways %.2f s (both nodes)%n",
                serviceCpu * 1000 / measured, gatewaysCpu * 1000 / measured);
        senders.forEach(Sender::close);
        receiver.close();
    }

    private static Duration[] cpu(ServiceProcess... processes) {
        Duration[] times = new Duration[processes.length];
        for (int i = 0; i < processes.length; i++) {
            times[i] = processes[i].cpuTime();
        }
        return times;
    }

    private static long count(Histogram histogram) {
        synchronized (histogram) {
            return histogram.getTotalCount();
        }
    }

    private static String percentiles(Histogram histogram) {
        synchronized (histogram) {
            return String.format("p50 %.1f ms, p99 %.1f ms, p99.9 %.1f ms", ms(histogram.getValueAtPercentile(50)),
                    ms(histogram.getValueAtPercentile(99)), ms(histogram.getValueAtPercentile(99.9)));
        }
    }

    private static double seconds(Duration duration) {
        return duration.toNanos() / 1e9;
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

    /** When each bench message was meant to be sent, and which are measured. */
    private record Schedule(long start, long interval, int warmup) {
        long intended(int index) {
            return start + index * interval;
        }
    }

    /**
     * A customer socket that sends without waiting and reads what it is sent, recording for each
     * measured message how long after its intended send time the ack came (the command path alone:
     * gateway A, conversation-service, the PostgreSQL commit).
     */
    private static final class Sender implements WebSocket.Listener {
        private final UUID conversationId;
        private final Histogram acks;
        private final StringBuilder partial = new StringBuilder();
        private volatile Schedule schedule;
        private WebSocket socket;

        private Sender(UUID conversationId, Histogram acks) {
            this.conversationId = conversationId;
            this.acks = acks;
        }

        static Sender connect(int port, UUID conversationId, String token, Histogram acks) {
            Sender sender = new Sender(conversationId, acks);
            sender.socket = HttpClient.newHttpClient().newWebSocketBuilder()
                    .buildAsync(URI.create("ws://127.0.0.1:" + port + "/ws"), sender).join();
            sender.socket.sendText("{\"type\":\"hello\",\"token\":\"" + token + "\"}", true).join();
            return sender;
        }

        void begin(Schedule schedule) {
            this.schedule = schedule;
        }

        synchronized void send(int index) {
            socket.sendText("{\"type\":\"message.send\",\"ref\":\"" + index + "\",\"conversationId\":\"" + conversationId
                    + "\",\"clientMsgId\":\"" + UUID.randomUUID() + "\",\"body\":\"bench-" + index + "\",\"kind\":\"TEXT\"}", true).join();
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            long now = System.nanoTime();
            partial.append(data);
            if (last) {
                String text = partial.toString();
                partial.setLength(0);
                Schedule measuring = schedule;
                if (measuring != null && text.startsWith("{\"type\":\"ack\"")) {
                    JsonNode ack = JSON.readTree(text);
                    int index = Integer.parseInt(ack.path("ref").asString("-1"));
                    if (index >= measuring.warmup()) {
                        synchronized (acks) {
                            acks.recordValue(Math.max(0, now - measuring.intended(index)));
                        }
                    }
                }
            }
            webSocket.request(1);
            return null;
        }

        void close() {
            socket.abort();
        }
    }

    /** Bob's socket: records each bench message's latency from its intended send time. */
    private static final class Receiver implements WebSocket.Listener {
        final AtomicLong received = new AtomicLong();
        private final Histogram histogram = new Histogram(TimeUnit.MINUTES.toNanos(5), 3);
        /** From the event's occurredAt (wall clock, microseconds) to reading it: relay, Kafka, routing, node B. */
        private final Histogram afterAppend = new Histogram(TimeUnit.MINUTES.toNanos(5), 3);
        private final StringBuilder partial = new StringBuilder();
        private volatile Schedule schedule;
        private WebSocket socket;

        static Receiver connect(int port, String token) {
            Receiver receiver = new Receiver();
            receiver.socket = HttpClient.newHttpClient().newWebSocketBuilder()
                    .buildAsync(URI.create("ws://127.0.0.1:" + port + "/ws"), receiver).join();
            receiver.socket.sendText("{\"type\":\"hello\",\"token\":\"" + token + "\"}", true).join();
            return receiver;
        }

        void begin(Schedule schedule) {
            this.schedule = schedule;
        }

        synchronized Histogram measured() {
            return histogram.copy();
        }

        synchronized Histogram afterAppend() {
            return afterAppend.copy();
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            long now = System.nanoTime();
            Instant wallNow = Instant.now();
            partial.append(data);
            if (last) {
                String text = partial.toString();
                partial.setLength(0);
                Schedule measuring = schedule;
                if (measuring != null && text.contains("\"bench-")) {
                    JsonNode event = JSON.readTree(text).path("event");
                    String body = event.path("data").path("body").asString("");
                    if ("message.created".equals(event.path("type").asString(null)) && body.startsWith("bench-")) {
                        int index = Integer.parseInt(body.substring("bench-".length()));
                        if (index >= measuring.warmup()) {
                            Instant occurredAt = Instant.parse(event.path("occurredAt").asString());
                            synchronized (this) {
                                histogram.recordValue(Math.max(0, now - measuring.intended(index)));
                                afterAppend.recordValue(Math.max(0, Duration.between(occurredAt, wallNow).toNanos()));
                            }
                        }
                        received.incrementAndGet();
                    }
                }
            }
            webSocket.request(1);
            return null;
        }

        void close() {
            socket.abort();
        }
    }
}
