package dev.parley.conversation.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.conversation.fixtures.Cast;
import dev.parley.conversation.fixtures.StoreFixture;
import dev.parley.conversation.fixtures.ClassDatabase;
import dev.parley.conversation.lifecycle.application.StartingConversation;
import dev.parley.conversation.lifecycle.domain.Conversation;
import dev.parley.conversation.messaging.application.SendingMessage;
import dev.parley.conversation.messaging.domain.MessageKind;
import dev.parley.conversation.messaging.domain.SendMessage;
import dev.parley.conversation.reading.application.ReadingConversations;
import dev.parley.conversation.shared.domain.Outcome;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import reactor.core.publisher.Flux;

/**
 * Measures, for docs/benchmarks.md: append throughput and latency with 50 conversations written
 * concurrently (each by its own closed-loop sender, so latency is service time), and the time of
 * a 50-message history page in a conversation of 100,000 messages. Prints numbers; asserts only
 * that the work was done. Run: {@code ./mvnw -Pbenchmarks -pl conversation-service -am verify}, on the
 * embedded PostgreSQL with {@code PARLEY_TEST_POSTGRES=embedded} in the environment (test-support).
 */
@ExtendWith(ClassDatabase.class)
@SpringBootTest(properties = "parley.engine=memory")
@DirtiesContext
class AppendBenchmark {

    private static final int CONVERSATIONS = 50;
    private static final int WARMUP_PER_CONVERSATION = 20;
    private static final int MEASURED_PER_CONVERSATION = 200;
    private static final int LARGE_CONVERSATION = 100_000;
    private static final int PAGE_READS = 500;

    @Autowired
    private StartingConversation starting;
    @Autowired
    private SendingMessage sending;
    @Autowired
    private ReadingConversations reading;

    @DynamicPropertySource
    static void pointAtServers(DynamicPropertyRegistry registry) {
        ClassDatabase.pointAt(registry);
        registry.add("spring.r2dbc.pool.max-size", () -> "50");
    }

    @Test
    void appendAndHistory() throws Exception {
        StoreFixture.onClassDatabase().seedCast();
        System.out.println("BENCHMARK store: " + ClassDatabase.database().server());
        List<Conversation> conversations = Flux.range(0, CONVERSATIONS)
                .concatMap(i -> starting.start(Cast.ALICE_CUSTOMER)).map(AppendBenchmark::value).collectList().block();

        runSenders(conversations, WARMUP_PER_CONVERSATION, new Histogram(TimeUnit.SECONDS.toNanos(10), 3));
        var latency = new Histogram(TimeUnit.SECONDS.toNanos(10), 3);
        long started = System.nanoTime();
        runSenders(conversations, MEASURED_PER_CONVERSATION, latency);
        double seconds = (System.nanoTime() - started) / 1e9;
        long appended = (long) CONVERSATIONS * MEASURED_PER_CONVERSATION;
        report("append", String.format("%d appends over %d conversations in %.1f s: %.0f appends/s; latency ms p50 %.2f p99 %.2f p99.9 %.2f max %.2f",
                appended, CONVERSATIONS, seconds, appended / seconds, ms(latency, 50), ms(latency, 99), ms(latency, 99.9),
                latency.getMaxValue() / 1e6));
        assertThat(latency.getTotalCount()).isEqualTo(appended);

        UUID large = conversations.get(0).id();
        fill(large, LARGE_CONVERSATION);
        var latest = timePages(large, null);
        var middle = timePages(large, (long) LARGE_CONVERSATION / 2);
        report("history", String.format("50-message page of a %,d-message conversation, %d reads each: latest page ms p50 %.2f p99 %.2f; page at seq %,d ms p50 %.2f p99 %.2f",
                LARGE_CONVERSATION, PAGE_READS, ms(latest, 50), ms(latest, 99), LARGE_CONVERSATION / 2, ms(middle, 50), ms(middle, 99)));
    }

    private void runSenders(List<Conversation> conversations, int perConversation, Histogram latency) {
        Flux.fromIterable(conversations)
                .flatMap(conversation -> Flux.range(0, perConversation).concatMap(i -> {
                    long start = System.nanoTime();
                    return sending.send(Cast.ALICE_CUSTOMER, new SendMessage(conversation.id(), UUID.randomUUID().toString(),
                                    "How long does shipping take to Lisbon? #" + i, MessageKind.TEXT, null))
                            .map(AppendBenchmark::value)
                            .doOnNext(sent -> {
                                synchronized (latency) {
                                    latency.recordValue(System.nanoTime() - start);
                                }
                            });
                }), conversations.size())
                .blockLast(Duration.ofMinutes(10));
    }

    /** Bulk-fills a conversation with messages and their events, as years of chat would. */
    private void fill(UUID conversation, int count) throws Exception {
        try (var connection = ClassDatabase.database().openConnection(); var statement = connection.createStatement()) {
            statement.execute("""
                    WITH base AS (SELECT last_seq FROM conversation WHERE id = '%1$s')
                    INSERT INTO message (id, conversation_id, seq, sender_id, sender_kind, kind, body, client_msg_id, created_at)
                    SELECT gen_random_uuid(), '%1$s', base.last_seq + g, '%2$s', 'CUSTOMER', 'TEXT',
                           'filler message number ' || g, 'fill-' || g, now()
                    FROM base, generate_series(1, %3$d) g""".formatted(conversation, Cast.ALICE, count));
            statement.execute("UPDATE conversation SET last_seq = last_seq + %d WHERE id = '%s'".formatted(count, conversation));
            statement.execute("ANALYZE message");
        }
    }

    private Histogram timePages(UUID conversation, Long before) {
        var histogram = new Histogram(TimeUnit.SECONDS.toNanos(10), 3);
        for (int i = 0; i < PAGE_READS; i++) {
            long start = System.nanoTime();
            var page = value(reading.history(Cast.BOB_AGENT, conversation, before, null, 50).block());
            histogram.recordValue(System.nanoTime() - start);
            assertThat(page.messages()).hasSize(50);
        }
        return histogram;
    }

    private static <T> T value(Outcome<T> outcome) {
        assertThat(outcome).isInstanceOf(Outcome.Accepted.class);
        return ((Outcome.Accepted<T>) outcome).value();
    }

    private static double ms(Histogram histogram, double percentile) {
        return histogram.getValueAtPercentile(percentile) / 1e6;
    }

    private static void report(String name, String line) {
        System.out.println("BENCHMARK " + name + ": " + line);
    }

}
