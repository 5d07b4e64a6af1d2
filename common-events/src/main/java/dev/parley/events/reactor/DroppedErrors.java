package dev.parley.events.reactor;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Hooks;

/**
 * Counts the errors Reactor drops, and logs each in one line at WARN. An error is dropped when it
 * arrives after its subscriber has gone: a Kafka offset commit that fails after a rebalance (or
 * while the broker is away), a multipart parser that finds a truncated body after the controller
 * has already refused the upload. Reactor's default logs each at ERROR with its stack trace,
 * which reads like a server fault and hides a real one; these are not faults, but a climbing
 * {@code parley_reactor_errors_dropped_total{exception}} is worth a look.
 *
 * <p>The hook is global to the JVM: one per process (standalone's three parts share one
 * configuration, so one bean). Closing it resets Reactor's dropped-error hooks.
 */
public final class DroppedErrors implements AutoCloseable {

    static final String METER = "parley.reactor.errors.dropped";
    private static final Logger log = LoggerFactory.getLogger(DroppedErrors.class);

    private DroppedErrors() {
    }

    public static DroppedErrors countedIn(MeterRegistry registry) {
        Consumer<Throwable> hook = error -> {
            registry.counter(METER, "exception", error.getClass().getSimpleName()).increment();
            log.warn("An error arrived after its subscriber had gone: {}", error.toString());
        };
        Hooks.onErrorDropped(hook);
        return new DroppedErrors();
    }

    @Override
    public void close() {
        Hooks.resetOnErrorDropped();
    }
}
