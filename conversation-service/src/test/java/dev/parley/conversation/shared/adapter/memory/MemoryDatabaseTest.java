package dev.parley.conversation.shared.adapter.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

/** The in-memory store's transactions: all or nothing, serial, joined through the context. */
class MemoryDatabaseTest {

    private static final Duration PATIENCE = Duration.ofSeconds(10);
    private static final MemoryDatabase.Table<String, Integer> COUNTERS = new MemoryDatabase.Table<>("counter");

    private final MemoryDatabase db = new MemoryDatabase();

    @Test
    void aFailedTransactionLeavesNoTraceOfAnyOfItsWrites() {
        put("kept", 1).block(PATIENCE);

        Mono<Void> failing = db.inTransaction(() -> put("kept", 2)
                .then(put("added", 3))
                .then(db.statement(tx -> db.table(COUNTERS).remove(tx, "kept")))
                .then(Mono.error(new IllegalStateException("boom"))));

        assertThatThrownBy(() -> failing.block(PATIENCE)).hasMessage("boom");
        assertThat(get("kept")).isEqualTo(1);
        assertThat(get("added")).isNull();
    }

    @Test
    void aCancelledTransactionIsRolledBackAndReleasesTheLock() {
        StepVerifier.create(db.inTransaction(() -> put("cancelled", 1).then(Mono.never())))
                .expectSubscription()
                .thenAwait(Duration.ofMillis(50))
                .thenCancel()
                .verify(PATIENCE);

        assertThat(get("cancelled")).as("rolled back; and the lock is free, or this would hang").isNull();
    }

    @Test
    void nestedTransactionsJoinTheOuterOneAndCommitWithIt() {
        List<String> seenFromInside = new ArrayList<>();

        db.inTransaction(() -> db.inTransaction(() -> put("inner", 1))
                .then(db.statement(tx -> seenFromInside.add(String.valueOf(db.table(COUNTERS).get("inner").orElse(null))))))
                .block(PATIENCE);

        assertThat(seenFromInside).containsExactly("1");
        assertThat(get("inner")).isEqualTo(1);
    }

    @Test
    void concurrentReadModifyWriteTransactionsNeverLoseAnUpdate() {
        put("n", 0).block(PATIENCE);

        Flux.range(0, 200)
                .flatMap(i -> db.inTransaction(() -> db.statement(tx -> db.table(COUNTERS).get("n").orElseThrow())
                        .delayElement(Duration.ofMillis(i % 3))
                        .flatMap(n -> put("n", n + 1))).subscribeOn(Schedulers.parallel()), 200)
                .blockLast(PATIENCE);

        assertThat(get("n")).isEqualTo(200);
    }

    @Test
    void afterCommitActionsRunOnCommitOnly() {
        AtomicInteger runs = new AtomicInteger();

        db.inTransaction(() -> db.statement(tx -> {
            tx.afterCommit(runs::incrementAndGet);
            return 1;
        })).block(PATIENCE);
        assertThatThrownBy(() -> db.inTransaction(() -> db.statement(tx -> {
            tx.afterCommit(runs::incrementAndGet);
            return 1;
        }).then(Mono.error(new IllegalStateException("rolled back")))).block(PATIENCE));

        assertThat(runs).hasValue(1);
    }

    @Test
    void aReaderWaitsForTheWriterAndSeesOnlyCommittedRows() {
        put("x", 1).block(PATIENCE);
        var writer = db.inTransaction(() -> put("x", 2).then(Mono.delay(Duration.ofMillis(200))).then(Mono.error(
                new IllegalStateException("undone")))).onErrorResume(e -> Mono.empty()).subscribeOn(Schedulers.parallel());
        var reader = Mono.delay(Duration.ofMillis(50)).then(db.statement(tx -> db.table(COUNTERS).get("x").orElseThrow()));

        StepVerifier.create(Mono.zip(writer.then(Mono.just(0)).defaultIfEmpty(0), reader).map(both -> both.getT2()))
                .expectNext(1)
                .verifyComplete();
    }

    private Mono<Void> put(String key, int value) {
        return db.statement(tx -> {
            db.table(COUNTERS).put(tx, key, value);
            return null;
        });
    }

    private Integer get(String key) {
        return db.statement(tx -> db.table(COUNTERS).get(key).orElse(null)).block(PATIENCE);
    }
}
