package dev.parley.conversation.outbox;

import dev.parley.conversation.outbox.adapter.micrometer.OutboxMeters;
import dev.parley.conversation.outbox.adapter.r2dbc.PostgresOutboxLeadership;
import dev.parley.conversation.outbox.adapter.r2dbc.PostgresOutboxWakeUps;
import dev.parley.conversation.outbox.application.OutboxWakeUps;
import dev.parley.conversation.outbox.adapter.r2dbc.R2dbcOutboxBacklog;
import dev.parley.conversation.outbox.application.BacklogWatch;
import dev.parley.conversation.outbox.application.OutboxRelay;
import dev.parley.conversation.outbox.application.RelaySettings;
import dev.parley.events.bus.EventBus;
import dev.parley.events.json.EventCodec;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * One relay as production wires it (PostgreSQL lease, real bus, Micrometer meters), observed
 * through its own meter registry, the way an operator would.
 */
public final class RelayUnderTest implements AutoCloseable {

    private final MeterRegistry registry = new SimpleMeterRegistry();
    private final BacklogWatch backlog;
    private final OutboxRelay relay;
    private final OutboxWakeUps wakeUps;

    public RelayUnderTest(OutboxDatabase database, EventBus bus, RelaySettings settings) {
        this.backlog = new BacklogWatch(new R2dbcOutboxBacklog(database.client()), Duration.ofMillis(100));
        var meters = new OutboxMeters(registry, backlog::latest);
        var leadership = new PostgresOutboxLeadership(database.connectionFactory());
        this.wakeUps = new PostgresOutboxWakeUps(database.client());
        this.relay = new OutboxRelay(leadership, bus, new EventCodec(), settings, meters, wakeUps);
    }

    /** The wake-ups of this relay's instance: a writer given them is one of its own writers. */
    public OutboxWakeUps wakeUps() {
        return wakeUps;
    }

    /** Settings quick enough for tests: small batches, short intervals and backoffs; change what a test is about. */
    public static SettingsBuilder settings() {
        return new SettingsBuilder();
    }

    public RelayUnderTest start() {
        backlog.start();
        relay.start();
        return this;
    }

    /** Only measures the backlog, as an instance with the relay turned off does. */
    public void watchBacklog() {
        backlog.start();
    }

    public void stop() {
        relay.stop();
        backlog.stop();
    }

    public boolean leading() {
        return registry.get("parley.outbox.leader").gauge().value() == 1;
    }

    public double published() {
        return registry.get("parley.outbox.published").counter().count();
    }

    public double publishFailures() {
        return registry.get("parley.outbox.publish.failures").counter().count();
    }

    public double quarantined(String reason) {
        return registry.get("parley.outbox.quarantined").tag("reason", reason).counter().count();
    }

    public double pending() {
        return registry.get("parley.outbox.pending").gauge().value();
    }

    public double lagSeconds() {
        return registry.get("parley.outbox.lag").timeGauge().value(TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        stop();
    }

    public static final class SettingsBuilder {
        private int batchSize = 50;
        private Duration pollInterval = Duration.ofMillis(200);
        private Duration takeoverInterval = Duration.ofMillis(200);
        private Duration firstBackoff = Duration.ofMillis(50);
        private Duration maxBackoff = Duration.ofMillis(500);
        private Duration shutdownGrace = Duration.ofSeconds(5);

        public SettingsBuilder batchSize(int value) {
            batchSize = value;
            return this;
        }

        public SettingsBuilder pollInterval(Duration value) {
            pollInterval = value;
            return this;
        }

        public SettingsBuilder shutdownGrace(Duration value) {
            shutdownGrace = value;
            return this;
        }

        public RelaySettings build() {
            return new RelaySettings(batchSize, pollInterval, takeoverInterval, firstBackoff, maxBackoff, shutdownGrace);
        }
    }
}
