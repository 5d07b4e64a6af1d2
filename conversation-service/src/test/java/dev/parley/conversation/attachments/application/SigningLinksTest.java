package dev.parley.conversation.attachments.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

class SigningLinksTest {

    @Test
    void theSecretIsFetchedOnceButAFailedFetchIsRetried() {
        var calls = new AtomicInteger();
        LinkSecrets flaky = () -> Mono.defer(() -> calls.incrementAndGet() == 1
                ? Mono.error(new IllegalStateException("database away"))
                : Mono.just(new byte[32]));
        var signing = new SigningLinks(flaky, Duration.ofMinutes(5));

        assertThatThrownBy(() -> signing.links().block()).hasMessageContaining("database away");
        assertThat(signing.links().block()).isNotNull();
        assertThat(signing.links().block()).isSameAs(signing.links().block());
        assertThat(calls).hasValue(2);
    }
}
