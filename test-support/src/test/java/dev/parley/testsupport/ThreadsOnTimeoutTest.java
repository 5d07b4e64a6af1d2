package dev.parley.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineTestKit;

class ThreadsOnTimeoutTest {

    @Test
    void aTimeoutFailsWithWhereTheThreadsWereAndOtherFailuresPassUnchanged() {
        var results = EngineTestKit.engine("junit-jupiter").selectors(selectClass(Samples.class)).execute();

        var failures = results.testEvents().failed().stream()
                .map(event -> event.getRequiredPayload(TestExecutionResult.class).getThrowable().orElseThrow())
                .toList();
        assertThat(failures).hasSize(2);
        assertThat(failures).filteredOn(AssertionError.class::isInstance).singleElement().satisfies(timeout -> {
            assertThat(timeout.getMessage())
                    .startsWith("java.util.concurrent.TimeoutException; threads (")
                    .contains("thread-dumps")
                    .containsPattern("WAITING ThreadsOnTimeoutTest\\$Samples\\.lambda\\$stuck\\$\\d+ x1");
            assertThat(timeout.getCause()).isInstanceOf(TimeoutException.class);
        });
        assertThat(failures).filteredOn(IllegalArgumentException.class::isInstance).singleElement()
                .extracting(Throwable::getMessage).isEqualTo("not a timeout");
    }

    @Test
    void findsATimeoutAnywhereInTheCauseChain() {
        assertThat(ThreadsOnTimeout.isTimeout(new RuntimeException(new java.util.concurrent.TimeoutException()))).isTrue();
        assertThat(ThreadsOnTimeout.isTimeout(new IllegalStateException("Timeout on blocking read for 1 SECONDS"))).isTrue();
        assertThat(ThreadsOnTimeout.isTimeout(new IllegalStateException("refused"))).isFalse();
    }

    @ExtendWith(ThreadsOnTimeout.class)
    static class Samples {

        private final CountDownLatch released = new CountDownLatch(1);

        @Test
        void stuck() throws Exception {
            Thread waiter = new Thread(() -> {
                try {
                    released.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            waiter.setDaemon(true);
            waiter.start();
            new CompletableFuture<Void>().get(50, TimeUnit.MILLISECONDS);
        }

        /** After the handler looked at the threads. */
        @AfterEach
        void release() {
            released.countDown();
        }

        @Test
        void failing() {
            throw new IllegalArgumentException("not a timeout");
        }
    }
}
