package dev.parley.system.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;

/**
 * The fault suite (issue 15; figures in {@code docs/reliability.md}): the services as separate
 * processes on PostgreSQL, Redis and Kafka of the suite's own ({@link FaultCluster}), a scenario
 * after another on the same cluster, each with a fresh load of its own ({@link Load}) and ending
 * with the cluster whole again, except the last, which kills a gateway for good. Each prints its
 * row and asserts nothing acked was lost, nothing duplicated or reordered, nothing leaked.
 *
 * <p>Sizes: {@code -Dparley.faults.clients} customers (40), {@code -Dparley.faults.rate} messages a
 * second (50), faults lasting {@code -Dparley.faults.outage} messages (150, 3 s; the 30 s
 * Kafka outage is 1500); {@code -Dparley.faults.full=true} is the size: 500 customers, 50
 * msg/s, 1500-message outages.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultSuiteIT {

    private static final boolean FULL = Boolean.getBoolean("parley.faults.full");
    private static final int CLIENTS = Integer.getInteger("parley.faults.clients", FULL ? 500 : 40);
    private static final int RATE = Integer.getInteger("parley.faults.rate", 50);
    private static final int OUTAGE = Integer.getInteger("parley.faults.outage", FULL ? 1500 : 150);
    /** Before the fault: every conversation has had a message each way. */
    private static final int BEFORE = 2 * CLIENTS;
    /** After recovery: each conversation hears from each side again, so a client with a gap sees it. */
    private static final int AFTER = 2 * CLIENTS;
    private static final double NOTES = 0.1;
    private static final Path DIRECTORY = Path.of("target", "faults");
    private static final long SEED = Long.getLong("parley.faults.seed", 15);
    private static final int FRAMES = Integer.getInteger("parley.faults.frames", 100_000);
    private static final int FUZZ_SOCKETS = 4;
    private static final int FIRST_FRAMES = 50;
    private static final int OVERSIZED_EVERY = 5_000;
    /** Commands of plausible shape go on to conversation-service; the rest the gateway refuses itself. */
    private static final double COMMAND_SHARE = 0.01;
    private static final int BODIES = 2_000;
    private static final int UPLOADS = 300;
    /**
     * Messages sent in a burst to the slow reader, 4 KB each: over its queue (1,000 frames) and the
     * 4 MB the kernel buffers on the gateway's side of a loopback connection.
     */
    private static final int FLOOD = 3_000;
    private static final int FLOOD_SOCKETS = 5;
    /** Over the service's 10 MB limit (parley.attachments.max-size). */
    private static final int OVERSIZED_UPLOAD = 10 * 1024 * 1024 + 1;

    private static FaultCluster cluster;
    private static Report report;

    @BeforeAll
    static void start() throws Exception {
        boolean binaries = Files.isDirectory(Path.of("/usr/lib/postgresql")) && onPath("redis-server");
        if (!binaries && "true".equals(System.getenv("PARLEY_REQUIRE_INFRA"))) {
            throw new IllegalStateException("the fault suite needs PostgreSQL's binaries (/usr/lib/postgresql) and redis-server");
        }
        Assumptions.assumeTrue(binaries, "the fault suite needs PostgreSQL's binaries (/usr/lib/postgresql) and redis-server");
        report = new Report(DIRECTORY.resolve("report.md"));
        cluster = FaultCluster.start(DIRECTORY, List.of());
        Api.seed(cluster.database());
    }

    @AfterAll
    static void stop() {
        try {
            if (report != null) {
                report.write();
            }
        } finally {
            if (cluster != null) {
                cluster.close();
            }
        }
    }

    @Test
    @Order(1)
    void aSteadyMixedLoadDeliversEverythingOnceAndShowsNoCustomerAnotherOnesEventOrANote() {
        try (Load load = open()) {
            load.start();
            load.awaitSent(BEFORE + OUTAGE + AFTER);
            check("no fault: mixed load (10 % notes, typing)", load, load.finish(), null, "—", Set.of());
        }
    }

    @Test
    @Order(2)
    void theSameClientMessageIdTwentyTimesThroughTwoNodesIsOneMessageWithTwentyAcksOfOneSeq() {
        Api api = new Api(cluster.serviceUrl());
        JsonNode visitor = api.newCustomer();
        String token = visitor.path("token").asString();
        String conversation = api.startConversation(token);
        String bobToken = api.bobToken();
        api.join(bobToken, conversation);
        Tally tally = new Tally(1);
        int[] ports = {cluster.gatewayPort(0), cluster.gatewayPort(1)};
        LoadClient onA = new LoadClient("customer-a", false, token, List.of(conversation), ports, tally, true);
        LoadClient onB = new LoadClient("customer-b", false, token, List.of(conversation), new int[] {ports[1], ports[0]}, tally, true);
        LoadClient bob = new LoadClient("bob", true, bobToken, List.of(conversation), new int[] {ports[1], ports[0]}, tally, true);
        try {
            onA.connect(ports[0]);
            onB.connect(ports[1]);
            bob.connect(ports[1]);
            await().atMost(Load.PATIENCE).until(() -> onA.caughtUp() && onB.caughtUp() && bob.caughtUp());
            String clientMsgId = "same-" + UUID.randomUUID();
            IntStream.range(0, 20).parallel().forEach(i -> (i % 2 == 0 ? onA : onB).send(
                    "{\"type\":\"message.send\",\"ref\":\"same-" + i + "\",\"conversationId\":\"" + conversation
                            + "\",\"clientMsgId\":\"" + clientMsgId + "\",\"body\":\"twenty times\",\"kind\":\"TEXT\"}"));
            await().atMost(Load.PATIENCE).until(() -> answers(onA, "same-").size() + answers(onB, "same-").size() == 20);
            List<JsonNode> answers = new java.util.ArrayList<>(answers(onA, "same-"));
            answers.addAll(answers(onB, "same-"));
            List<Long> seqs = answers.stream().map(answer -> answer.path("result").path("seq").asLong(-1)).distinct().toList();
            await().atMost(Load.PATIENCE).until(() -> bodies(bob, "twenty times") >= 1);
            // one more message after it: once Bob has it, anything the duplicate sends produced would have come before
            onA.send("{\"type\":\"message.send\",\"ref\":\"after\",\"conversationId\":\"" + conversation
                    + "\",\"clientMsgId\":\"after-" + clientMsgId + "\",\"body\":\"after the twenty\",\"kind\":\"TEXT\"}");
            await().atMost(Load.PATIENCE).until(() -> bodies(bob, "after the twenty") == 1);
            long acks = answers.stream().filter(answer -> "ack".equals(answer.path("type").asString())).count();
            report.note("same `clientMsgId` ×20, alternating two nodes, concurrently", acks + " acks, seqs " + seqs
                    + "; the agent received " + bodies(bob, "twenty times") + " message(s)");
            assertThat(acks).as("every send acked").isEqualTo(20);
            assertThat(seqs).as("every ack names the one message's seq").hasSize(1).allMatch(seq -> seq > 0);
            assertThat(bodies(bob, "twenty times")).as("one message reached the agent").isEqualTo(1);
            assertThat(bodies(onA, "twenty times")).isEqualTo(1);
            assertThat(bodies(onB, "twenty times")).isEqualTo(1);
        } finally {
            onA.stop();
            onB.stop();
            bob.stop();
        }
    }

    @Test
    @Order(3)
    void aReaderThatStopsReadingIsClosedWhileTheOthersKeepTheirPace() throws Exception {
        Api api = new Api(cluster.serviceUrl());
        Opened opened = Opened.by(api);
        String customer = opened.customerToken();
        String conversation = opened.conversationId();
        String bobToken = api.bobToken();
        api.join(bobToken, conversation);
        try (Load load = open()) {
            load.start();
            load.awaitSent(BEFORE);
            // connected only now: a socket that stays silent is cut after the idle timeout (75 s)
            long floodFrom;
            long floodUntil;
            long afterUntil;
            SlowReader.Backlog backlog;
            try (SlowReader slow = SlowReader.hello(cluster.gatewayPort(0), customer)) {
                floodFrom = System.nanoTime();
                flood(bobToken, conversation);
                floodUntil = System.nanoTime();
                load.awaitSent(AFTER);
                afterUntil = System.nanoTime();
                backlog = slow.readToClose();
            }
            Tally.Totals totals = load.finish();
            String p99s = p99(load.tally.deliveryLatency(0, floodFrom)) + " / " + p99(load.tally.deliveryLatency(floodFrom, floodUntil))
                    + " / " + p99(load.tally.deliveryLatency(floodUntil, afterUntil)) + " ms";
            check("a reader that stops reading (" + FLOOD + " messages to it in a burst)", load, totals, null, "—", Set.of());
            List<Long> seqs = backlog.frames().stream().map(Api.JSON::readTree)
                    .filter(frame -> "event".equals(frame.path("type").asString())).map(frame -> frame.path("event").path("seq").asLong())
                    .toList();
            report.note("a customer's socket that stops reading while " + FLOOD + " messages are sent to it",
                    "closed " + backlog.closeCode() + " after " + seqs.size() + " events written before it; the others' delivery p99 "
                            + "before / during / after the burst: " + p99s);
            assertThat(backlog.closeCode()).as("the gateway closed the slow socket: too slow, reconnect and resume").isEqualTo(4429);
            assertThat(seqs).as("what it was written before the close is in order, without a gap").isNotEmpty()
                    .isEqualTo(java.util.stream.LongStream.rangeClosed(seqs.get(0), seqs.get(0) + seqs.size() - 1).boxed().toList());
        }
    }

    /** {@link #FLOOD} messages of 4,000 characters from Bob to one conversation, over {@link #FLOOD_SOCKETS} sockets of his on node B, all answered. */
    private static void flood(String bobToken, String conversation) throws Exception {
        var senders = Executors.newFixedThreadPool(FLOOD_SOCKETS);
        List<Future<Long>> answered = new ArrayList<>();
        String body = "a long answer that scrolls ".repeat(147);
        for (int socket = 0; socket < FLOOD_SOCKETS; socket++) {
            int first = socket * (FLOOD / FLOOD_SOCKETS);
            answered.add(senders.submit(() -> {
                FuzzSocket bob = FuzzSocket.hello(cluster.gatewayPort(1), bobToken);
                try {
                    for (int i = first; i < first + FLOOD / FLOOD_SOCKETS; i++) {
                        bob.send("{\"type\":\"message.send\",\"ref\":\"flood-" + i + "\",\"conversationId\":\"" + conversation
                                + "\",\"clientMsgId\":\"flood-" + UUID.randomUUID() + "\",\"body\":\"" + body + i + "\",\"kind\":\"TEXT\"}");
                    }
                    bob.drain();
                    assertThat(bob.codes).as("every message of the burst acked").isEmpty();
                    return bob.answered.get();
                } finally {
                    bob.abort();
                }
            }));
        }
        senders.shutdown();
        long total = 0;
        for (Future<Long> sender : answered) {
            total += sender.get(5, TimeUnit.MINUTES);
        }
        assertThat(total).as("the burst was answered").isEqualTo(FLOOD);
    }

    private static String p99(org.HdrHistogram.Histogram micros) {
        return micros.getTotalCount() == 0 ? "—" : String.format("%.0f", micros.getValueAtPercentile(99) / 1000.0);
    }

    @Test
    @Order(4)
    void redisRestartedUnderLoad() {
        fault("Redis restarted (empty)", cluster::stopRedis, cluster::startRedis, Set.of());
    }

    @Test
    @Order(5)
    void conversationServiceKilledAndRestartedUnderLoad() {
        String customer = new Api(cluster.serviceUrl()).newCustomer().path("token").asString();
        fault("conversation-service SIGKILLed, restarted", () -> {
            cluster.killService();
            connectAndRenewWithoutJwks(customer);
            helloWithAnUnfetchedKeyWithoutJwks(customer);
        }, cluster::startService, Set.of("upstream.unavailable"));
    }

    /**
     * A token signed with a key the gateway has not fetched, as right after a key rotation: with the
     * JWKS unreachable the gateway cannot tell a new key from a forged one, so it neither welcomes
     * nor refuses the socket but closes it 1013 (try again later); the client reconnects later.
     */
    private static void helloWithAnUnfetchedKeyWithoutJwks(String token) {
        String unfetched = signedWithANewKey(token);
        FuzzSocket socket = FuzzSocket.open(cluster.gatewayPort(1));
        try {
            socket.sendRaw("{\"type\":\"hello\",\"ref\":\"hello\",\"token\":\"" + unfetched + "\"}");
            int close = socket.closed.get(30, TimeUnit.SECONDS);
            report.note("JWKS unreachable: a hello whose token names a key the gateway has not fetched (a rotation)",
                    "closed " + close + (close == 1013 ? " (try again later); not welcomed, not refused as invalid" : ""));
            assertThat(socket.welcomed).as("not welcomed on a key it could not check").isNotDone();
            assertThat(close).as("closed: try again later").isEqualTo(1013);
        } catch (Exception e) {
            throw new AssertionError("the gateway did not close the socket", e);
        } finally {
            socket.abort();
        }
    }

    /** {@code token}'s claims, signed with an RSA key of its own under a key id nobody has published. */
    private static String signedWithANewKey(String token) {
        try {
            JWTClaimsSet claims = SignedJWT.parse(token).getJWTClaimsSet();
            RSAKey key = new RSAKeyGenerator(2048).keyID("rotated-" + UUID.randomUUID()).generate();
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256)
                    .keyID(key.getKeyID()).type(JOSEObjectType.JWT).build(), claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (Exception e) {
            throw new IllegalStateException("could not sign a token", e);
        }
    }

    /**
     * conversation-service serves the JWKS: with it gone, a new socket still says hello and renews
     * its token, on the keys the gateway holds.
     */
    private static void connectAndRenewWithoutJwks(String token) {
        FuzzSocket socket = FuzzSocket.hello(cluster.gatewayPort(1), token); // fails unless welcomed within 30 s
        try {
            socket.send("{\"type\":\"auth\",\"ref\":\"renew\",\"token\":\"" + token + "\"}");
            socket.drain();
            report.note("JWKS unreachable (conversation-service down): a new socket's hello, then an `auth` renewal",
                    "welcomed; renewal answered " + (socket.codes.isEmpty() ? "`ack`" : socket.codes.keySet()));
            assertThat(socket.answered.get()).as("the renewal was answered").isEqualTo(1);
            assertThat(socket.codes).as("and accepted on the keys the gateway holds").isEmpty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        } finally {
            socket.abort();
        }
    }

    @Test
    @Order(6)
    void postgresRestartedUnderLoad() {
        fault("PostgreSQL stopped, started", cluster.postgres::stop, cluster.postgres::launch,
                Set.of("store.unavailable", "upstream.unavailable"));
    }

    @Test
    @Order(7)
    void kafkaStoppedUnderWrites() {
        fault("Kafka SIGKILLed under writes, restarted", cluster::killKafka, cluster::startKafka, Set.of());
    }

    @Test
    @Order(8)
    void aGatewaySigkilledMidStreamHasItsClientsResumeOnTheOther() {
        fault("gateway A SIGKILLed mid-stream", () -> cluster.killGateway(0), () -> { }, Set.of());
    }

    @Test
    @Order(9)
    void aRollingRestartOfBothGatewaysLosesNothing() {
        if (!cluster.gatewayAlive(0)) {
            cluster.startGateway(0); // the SIGKILL scenario before left it down
        }
        fault("rolling restart: gateway A, then B (SIGTERM, restarted, ready)", () -> cluster.restartGateway(0),
                () -> cluster.restartGateway(1), Set.of());
    }

    @Test
    @Order(10)
    void fuzzedMalformedAndOversizedFramesAreEachAnsweredByAnErrorOrACloseAndTheNodeStillServes() throws Exception {
        int port = cluster.gatewayPort(1);
        Path log = cluster.gatewayLog(1);
        long logFrom = Files.size(log);
        String token = new Api(cluster.serviceUrl()).newCustomer().path("token").asString();
        Map<Integer, Long> firstFrameCloses = new TreeMap<>();
        Fuzz first = new Fuzz(SEED);
        for (int i = 0; i < FIRST_FRAMES; i++) {
            FuzzSocket socket = FuzzSocket.open(port);
            socket.sendRaw(first.frame(0));
            firstFrameCloses.merge(socket.closed.get(30, TimeUnit.SECONDS), 1L, Long::sum);
        }
        var workers = Executors.newFixedThreadPool(FUZZ_SOCKETS);
        List<Future<FuzzRun>> runs = new ArrayList<>();
        for (int worker = 0; worker < FUZZ_SOCKETS; worker++) {
            long seed = SEED + 1 + worker;
            runs.add(workers.submit(() -> fuzzFrames(port, token, new Fuzz(seed), FRAMES / FUZZ_SOCKETS)));
        }
        workers.shutdown();
        FuzzRun total = new FuzzRun();
        for (Future<FuzzRun> run : runs) {
            total.add(run.get(5, TimeUnit.MINUTES));
        }
        List<String> errors = Files.readString(log).substring((int) logFrom).lines()
                .filter(line -> line.contains(" ERROR ")).limit(5).toList();
        FuzzSocket after = FuzzSocket.hello(port, token);
        after.send("{\"type\":\"conversation.start\",\"ref\":\"after\"}");
        after.drain();
        after.abort();
        report.note(String.format("%,d fuzzed, malformed and oversized frames", total.sent + FIRST_FRAMES + total.oversized),
                total.answered + " of " + total.sent + " answered (" + top(total.codes) + "); first frames: closes "
                        + firstFrameCloses + "; " + total.oversized + " oversized: closes " + total.closes
                        + "; `gateway.internal` " + total.codes.getOrDefault("gateway.internal", 0L) + ", ERROR log lines "
                        + errors.size() + "; the node serves after it: " + (after.code("?") == 0 && after.answered.get() == 1 && after.codes.isEmpty()));
        assertThat(total.answered).as("every frame on an open socket answered").isEqualTo(total.sent);
        assertThat(total.codes).as("the gateway never failed on a frame").doesNotContainKey("gateway.internal");
        assertThat(total.codes.keySet()).as("every refusal has a code of its own, none a bare HTTP status")
                .noneMatch(code -> code.startsWith("http."));
        assertThat(firstFrameCloses.keySet()).as("a bad first frame closes the socket").isSubsetOf(4400, 4401, 1009);
        // Over 64 KB the gateway closes 1009 itself; over Netty's ceiling (256 KB) Netty closes 1009
        // "Max frame length … exceeded" and drops the connection at once, and the JDK's client,
        // still sending, reports the close frame without its status (1005; a browser and Node's
        // client read the 1009)
        assertThat(total.closes.keySet()).as("an oversized frame closes the socket").isSubsetOf(1009, 1002, 1005);
        assertThat(total.closes.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(total.oversized);
        assertThat(errors).as("nothing logged as a server error").isEmpty();
        assertThat(after.answered.get()).as("a new socket is served").isEqualTo(1);
        assertThat(after.codes).as("and its command succeeds").isEmpty();
    }

    @Test
    @Order(11)
    void fuzzedHttpBodiesAreRefusedWithProblemDetailsCarryingACode() {
        Api api = new Api(cluster.serviceUrl());
        String token = api.newCustomer().path("token").asString();
        String conversation = api.startConversation(token);
        record Endpoint(String path, String token, List<String> fields) {
        }
        List<Endpoint> endpoints = List.of(
                new Endpoint("/api/v1/widget/sessions", null, List.of("inboxKey", "visitorToken", "name", "email")),
                new Endpoint("/api/v1/auth/refresh", null, List.of("refreshToken")),
                new Endpoint("/api/v1/conversations/" + conversation + "/messages", token,
                        List.of("clientMsgId", "body", "kind", "replyTo", "attachmentIds")),
                new Endpoint("/api/v1/conversations/" + conversation + "/read", token, List.of("lastDeliveredSeq", "lastReadSeq")),
                new Endpoint("/api/v1/conversations/not-a-uuid/messages", token, List.of("clientMsgId", "body", "kind")));
        Fuzz fuzz = new Fuzz(SEED);
        Map<Integer, Long> statuses = new TreeMap<>();
        List<String> bad = new ArrayList<>();
        for (int i = 0; i < BODIES; i++) {
            Endpoint endpoint = endpoints.get(i % endpoints.size());
            byte[] body = fuzz.body(endpoint.fields());
            var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(cluster.serviceUrl() + endpoint.path()))
                    .timeout(Duration.ofSeconds(30))
                    .header("Content-Type", fuzz.nextInt(20) == 0 ? "text/plain" : "application/json")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(body));
            if (endpoint.token() != null) {
                request.header("Authorization", "Bearer " + endpoint.token());
            }
            java.net.http.HttpResponse<String> response;
            try {
                response = Api.HTTP.send(request.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
            } catch (Exception e) {
                throw new AssertionError(endpoint.path() + " did not answer", e);
            }
            statuses.merge(response.statusCode(), 1L, Long::sum);
            if (response.statusCode() >= 400 && !problemWithCode(response) || response.statusCode() >= 500) {
                if (bad.size() < 10) {
                    bad.add(response.statusCode() + " " + endpoint.path() + " " + response.headers().firstValue("Content-Type").orElse("")
                            + " " + response.body().substring(0, Math.min(200, response.body().length())) + " for "
                            + new String(body, java.nio.charset.StandardCharsets.UTF_8).substring(0, Math.min(120, body.length)));
                }
            }
        }
        report.note(String.format("%,d fuzzed JSON bodies to %d endpoints", BODIES, endpoints.size()),
                "statuses " + statuses + "; refusals without problem+json and a `code`, or 5xx: " + bad.size());
        assertThat(bad).as("every refusal is a 4xx problem with a code").isEmpty();
    }

    @Test
    @Order(12)
    void fuzzedUploadsAreStoredWholeOrRefusedWithACodeAndLeaveNothingBehind() throws Exception {
        Opened opened = Opened.by(new Api(cluster.serviceUrl()));
        String token = opened.customerToken();
        String conversation = opened.conversationId();
        java.net.URI uri = java.net.URI.create(cluster.serviceUrl() + "/api/v1/conversations/" + conversation + "/attachments");
        Fuzz fuzz = new Fuzz(SEED);
        Map<Integer, Long> statuses = new TreeMap<>();
        List<String> bad = new ArrayList<>();
        for (int i = 0; i < UPLOADS; i++) {
            Fuzz.Upload upload = fuzz.upload(OVERSIZED_UPLOAD);
            var response = upload(uri, token, upload.contentType(), upload.body());
            statuses.merge(response.statusCode(), 1L, Long::sum);
            boolean stored = response.statusCode() == 201;
            if (!stored && (response.statusCode() >= 500 || !problemWithCode(response)) && bad.size() < 10) {
                bad.add(response.statusCode() + " " + response.headers().firstValue("Content-Type").orElse("") + " "
                        + response.body().substring(0, Math.min(200, response.body().length())) + " for " + upload.contentType()
                        + " " + new String(upload.body(), 0, Math.min(160, upload.body().length), java.nio.charset.StandardCharsets.UTF_8));
            }
        }
        long stored = statuses.getOrDefault(201, 0L);
        long rows = attachmentsOf(conversation);
        String png = "--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"after.png\"\r\nContent-Type: image/png\r\n\r\n";
        byte[] after = java.util.Arrays.copyOf(png.getBytes(java.nio.charset.StandardCharsets.UTF_8), png.length() + 16 + 8);
        System.arraycopy(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'}, 0, after, png.length(), 16);
        System.arraycopy("\r\n--b--\r\n".getBytes(java.nio.charset.StandardCharsets.UTF_8), 0, after, png.length() + 16, 8);
        int afterStatus = upload(uri, token, "multipart/form-data; boundary=b", after).statusCode();
        report.note(String.format("%,d fuzzed multipart uploads (bad envelopes, lying types, odd names, %d MB files)",
                UPLOADS, OVERSIZED_UPLOAD >> 20), "statuses " + statuses + "; refusals without problem+json and a `code`, or 5xx: "
                + bad.size() + "; attachments stored " + rows + " for " + stored + " answered 201; a good upload after it: " + afterStatus);
        assertThat(bad).as("every refusal is a 4xx problem with a code").isEmpty();
        assertThat(rows).as("a refused upload leaves no attachment behind").isEqualTo(stored);
        assertThat(afterStatus).as("the service still takes a good upload").isEqualTo(201);
    }

    private static java.net.http.HttpResponse<String> upload(java.net.URI uri, String token, String contentType, byte[] body) {
        var request = java.net.http.HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                .header("Content-Type", contentType).header("Authorization", "Bearer " + token)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(body)).build();
        try {
            return Api.HTTP.send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new AssertionError("the upload was not answered", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static long attachmentsOf(String conversation) throws java.sql.SQLException {
        try (var connection = cluster.database();
             var query = connection.prepareStatement("SELECT count(*) FROM attachment WHERE conversation_id = ?::uuid")) {
            query.setString(1, conversation);
            try (var rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    /** A new customer's conversation, opened over HTTP. */
    private record Opened(String customerToken, String conversationId) {
        static Opened by(Api api) {
            String token = api.newCustomer().path("token").asString();
            return new Opened(token, api.startConversation(token));
        }
    }

    private static boolean problemWithCode(java.net.http.HttpResponse<String> response) {
        if (!response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json")) {
            return false;
        }
        try {
            return !Api.JSON.readTree(response.body()).path("code").asString("").isBlank();
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** What one fuzzing socket (and its successors, after each oversized frame) sent and was answered. */
    private static final class FuzzRun {
        long sent;
        long answered;
        long oversized;
        final Map<String, Long> codes = new TreeMap<>();
        final Map<Integer, Long> closes = new TreeMap<>();

        void add(FuzzRun other) {
            sent += other.sent;
            answered += other.answered;
            oversized += other.oversized;
            other.codes.forEach((code, count) -> codes.merge(code, count, Long::sum));
            other.closes.forEach((code, count) -> closes.merge(code, count, Long::sum));
        }

        void add(FuzzSocket socket) {
            sent += socket.sent.get();
            answered += socket.answered.get();
            socket.codes.forEach((code, count) -> codes.merge(code, count.sum(), Long::sum));
        }
    }

    /** {@code frames} bad frames on a socket; every {@link #OVERSIZED_EVERY}th an oversized one, which ends the socket. */
    private static FuzzRun fuzzFrames(int port, String token, Fuzz fuzz, int frames) throws Exception {
        FuzzRun run = new FuzzRun();
        FuzzSocket socket = FuzzSocket.hello(port, token);
        for (int i = 1; i <= frames; i++) {
            if (i % OVERSIZED_EVERY == 0) {
                socket.drain();
                run.add(socket);
                int size = fuzz.nextInt(2) == 0 ? 70_000 : 300_000;
                socket.sendRaw("{\"type\":\"message.send\",\"body\":\"" + "x".repeat(size) + "\"}");
                run.oversized++;
                run.closes.merge(socket.closed.get(30, TimeUnit.SECONDS), 1L, Long::sum);
                socket = FuzzSocket.hello(port, token);
            }
            socket.send(fuzz.frame(COMMAND_SHARE));
        }
        socket.drain();
        run.add(socket);
        socket.abort();
        return run;
    }

    private static String top(Map<String, Long> codes) {
        return codes.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(6)
                .map(entry -> "`" + entry.getKey() + "` " + entry.getValue()).collect(java.util.stream.Collectors.joining(", "));
    }

    /** A scenario: load, {@code inject}, {@link #OUTAGE} messages' time, {@code heal}, recovery, more load, the final resume. */
    private static void fault(String scenario, Runnable inject, Runnable heal, Set<String> refusals) {
        try (Load load = open()) {
            load.start();
            load.awaitSent(BEFORE);
            long faultAt = System.nanoTime();
            inject.run();
            load.awaitSent(OUTAGE);
            heal.run();
            long healedAt = System.nanoTime();
            Duration recovery = load.awaitRecovery(faultAt, healedAt);
            load.awaitSent(AFTER);
            check(scenario, load, load.finish(), recovery, "not recovered", refusals);
            assertThat(recovery).as("recovered within %s", Load.PATIENCE).isNotNull();
        }
    }

    private static Load open() {
        return Load.open(cluster, CLIENTS, RATE, BEFORE + 2 * OUTAGE + AFTER + 4 * CLIENTS + 10_000, NOTES);
    }

    /** Asserts the row; {@code refusals}: the error codes a send may get while the part is away (clear ones, never a 500). */
    private static void check(String scenario, Load load, Tally.Totals totals, Duration recovery, String note, Set<String> refusals) {
        report.row(scenario, CLIENTS + 4, totals, recovery, note);
        System.out.println("fault suite: " + scenario + ": reconnects " + load.reconnects() + ", leaks " + load.tally.leaks);
        assertThat(totals.acked()).as("the load got through").isPositive();
        assertThat(load.typeScriptCustomer().acked()).as("the TypeScript client's sends were answered").isPositive();
        assertThat(load.typeScriptCustomer().agentMessagesHanded.sum()).as("the TypeScript client showed the agent's messages")
                .isPositive();
        assertThat(totals.lost()).as("acked, never delivered").isZero();
        assertThat(totals.duplicated()).as("duplicated, first ones: %s", load.tally.duplicates).isZero();
        assertThat(totals.reordered()).as("reordered").isZero();
        assertThat(load.tally.leaks).as("customers sent what is not theirs").isEmpty();
        assertThat(totals.errors().keySet()).as("refusals are the stable ones of an unavailable part").isSubsetOf(refusals);
    }

    private static List<JsonNode> answers(LoadClient client, String refPrefix) {
        return client.frames.stream().filter(frame -> frame.path("ref").asString("").startsWith(refPrefix)
                && ("ack".equals(frame.path("type").asString()) || "error".equals(frame.path("type").asString()))).toList();
    }

    private static long bodies(LoadClient client, String body) {
        return client.frames.stream().filter(frame -> "event".equals(frame.path("type").asString())
                && body.equals(frame.path("event").path("data").path("body").asString(null))).count();
    }

    private static boolean onPath(String executable) {
        String path = System.getenv("PATH");
        return path != null && java.util.Arrays.stream(path.split(":")).anyMatch(dir -> Files.isExecutable(Path.of(dir, executable)));
    }
}
