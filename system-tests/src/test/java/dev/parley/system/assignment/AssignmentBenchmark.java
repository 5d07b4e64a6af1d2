package dev.parley.system.assignment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.parley.testsupport.RealInfrastructure;
import dev.parley.testsupport.TestDatabase;
import dev.parley.testsupport.TestKafka;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

/**
 * Measures, for docs/benchmarks.md: assignment latency with free agents, queued → assigned, both
 * ends stamped by the conversation service (the conversation's {@code queued_at} and its
 * {@code conversation.assigned} event's {@code occurred_at}), through the whole path: outbox relay,
 * Kafka, one worker, the HTTP assign. Conversations arrive open-loop at {@code -Dparley.bench.rate} a second
 * (default 5), below what the machine drains, so the queue stays short and the number is mostly
 * the latency of the path rather than of a backlog. Prints numbers; asserts only that the work was done.
 * Run: {@code ./mvnw -Pbenchmarks -pl system-tests -am verify}.
 */
@RealInfrastructure
class AssignmentBenchmark {

    private static final int WARMUP = 50;
    private static final int MEASURED = 200;
    private static final int STARTERS = 4;
    private static final int PER_SECOND = Integer.getInteger("parley.bench.rate", 5);

    @Test
    void assignmentLatencyWithFreeAgents(TestDatabase database, TestKafka kafka) throws Exception {
        var suite = new Suite(database, kafka);
        var cast = new Cast(database);
        try (var service = suite.conversationService(); var worker = suite.worker(service)) {
            var api = new Api(Suite.port(service));
            UUID department = cast.department("Bench");
            for (int i = 0; i < 10; i++) {
                cast.agent("Bench" + i, "ONLINE", 100, Instant.now(), department);
            }
            String inbox = cast.inbox(department);
            var customers = new ArrayList<Api.Session>();
            for (int i = 0; i < STARTERS; i++) {
                customers.add(api.customer(inbox));
            }
            run(api, database, customers, WARMUP);
            Instant measuredFrom = Instant.now();
            run(api, database, customers, MEASURED);

            List<Long> micros = latenciesMicros(database, measuredFrom);
            assertThat(micros).hasSize(MEASURED);
            System.out.printf("assignment latency, free agents, %d conversations at " + PER_SECOND + "/s: p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                    MEASURED, percentile(micros, 0.50) / 1000.0, percentile(micros, 0.99) / 1000.0,
                    micros.get(micros.size() - 1) / 1000.0);
            // the relay's own timer, warm-up included: commit -> confirmed by Kafka, oldest event of each run
            var delay = service.getBean(MeterRegistry.class).get("parley.outbox.delay").timer().takeSnapshot();
            System.out.printf("of which outbox commit -> published to Kafka (whole run): %s%n",
                    java.util.Arrays.stream(delay.percentileValues())
                            .map(p -> String.format("p%.0f %.1f ms", p.percentile() * 100, p.value(TimeUnit.MILLISECONDS)))
                            .toList());
        }
    }

    private static void run(Api api, TestDatabase database, List<Api.Session> customers, int conversations) {
        Flux.interval(Duration.ofMillis(1000 / PER_SECOND)).take(conversations)
                .onBackpressureBuffer()
                .flatMap(i -> api.starting(customers.get((int) (i % customers.size()))))
                .then().block(Duration.ofMinutes(3));
        await().atMost(Duration.ofMinutes(2)).until(() -> queued(database) == 0);
    }

    private static long queued(TestDatabase database) throws SQLException {
        try (var c = database.openConnection(); var query = c.prepareStatement(
                "SELECT count(*) FROM conversation WHERE status = 'QUEUED'"); var rows = query.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static List<Long> latenciesMicros(TestDatabase database, Instant from) throws SQLException {
        var micros = new ArrayList<Long>();
        try (var c = database.openConnection(); var query = c.prepareStatement("""
                SELECT (EXTRACT(EPOCH FROM (e.occurred_at - c.queued_at)) * 1000000)::BIGINT
                FROM conversation c JOIN conversation_event e ON e.conversation_id = c.id
                WHERE e.type = 'conversation.assigned' AND c.queued_at >= ?
                ORDER BY 1""")) {
            query.setTimestamp(1, Timestamp.from(from));
            try (var rows = query.executeQuery()) {
                while (rows.next()) {
                    micros.add(rows.getLong(1));
                }
            }
        }
        return micros;
    }

    private static double percentile(List<Long> sorted, double p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1));
    }
}
