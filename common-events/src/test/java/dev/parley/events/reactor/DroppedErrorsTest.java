package dev.parley.events.reactor;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Operators;
import reactor.util.context.Context;

class DroppedErrorsTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @Test
    void anErrorThatArrivesAfterItsSubscriberIsCountedByItsKindUntilTheHookCloses() {
        try (var dropped = DroppedErrors.countedIn(registry)) {
            // what every operator does with an error that has no subscriber left
            Operators.onErrorDropped(new IllegalStateException("too late"), Context.empty());
            Operators.onErrorDropped(new IllegalStateException("too late again"), Context.empty());
        }
        Operators.onErrorDropped(new IllegalStateException("after close"), Context.empty());

        assertThat(registry.counter(DroppedErrors.METER, "exception", "IllegalStateException").count()).isEqualTo(2);
    }
}
