package dev.parley.conversation.outbox.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class OutboxPropertiesTest {

    @Test
    void everySettingHasItsDocumentedDefault() {
        OutboxProperties properties = bind(Map.of());

        assertThat(properties.relayEnabled()).isTrue();
        assertThat(properties.batchSize()).isEqualTo(500);
        assertThat(properties.pollInterval()).isEqualTo(Duration.ofSeconds(1));
        assertThat(properties.takeoverInterval()).isEqualTo(Duration.ofSeconds(2));
        assertThat(properties.firstBackoff()).isEqualTo(Duration.ofMillis(200));
        assertThat(properties.maxBackoff()).isEqualTo(Duration.ofSeconds(15));
        assertThat(properties.shutdownGrace()).isEqualTo(Duration.ofSeconds(10));
        assertThat(properties.backlogSampleInterval()).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void settingsBindFromKebabCaseAndBecomeRelaySettings() {
        OutboxProperties properties = bind(Map.of(
                "parley.outbox.batch-size", "100",
                "parley.outbox.poll-interval", "250ms",
                "parley.outbox.relay-enabled", "false"));

        assertThat(properties.relayEnabled()).isFalse();
        assertThat(properties.relaySettings().batchSize()).isEqualTo(100);
        assertThat(properties.relaySettings().pollInterval()).isEqualTo(Duration.ofMillis(250));
    }

    private static OutboxProperties bind(Map<String, String> values) {
        return new Binder(new MapConfigurationPropertySource(values))
                .bindOrCreate("parley.outbox", OutboxProperties.class);
    }
}
