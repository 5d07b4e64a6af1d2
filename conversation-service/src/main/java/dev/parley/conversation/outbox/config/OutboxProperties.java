package dev.parley.conversation.outbox.config;

import dev.parley.conversation.outbox.application.RelaySettings;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the transactional outbox and its relay, under {@code parley.outbox}.
 *
 * @param relayEnabled          run the relay on this instance; off, the instance still writes to the
 *                              outbox and reports its backlog, and leaves publishing to the others
 * @param batchSize             events read, published and removed per round. 500: a backlog of
 *                              thousands drains in a few rounds, one fetch stays well under a
 *                              megabyte at ~1 KB an event, and an abandoned round republishes at most 500
 * @param pollInterval          how often the leader looks for events without being notified. A
 *                              notification normally wakes it within milliseconds; polling only
 *                              bounds the delay if one is ever missed, for one indexed query a second
 * @param takeoverInterval      how often an instance without the lease tries to take it: the longest
 *                              publishing pauses after the leader stops or its session dies. Each try
 *                              is one short connection, so 2 s costs little even with many replicas
 * @param firstBackoff          wait before publishing again after the event bus refused a batch;
 *                              doubles after each failure, as the event bus's own retries do
 * @param maxBackoff            longest wait between two attempts during an outage: the backlog starts
 *                              draining at most this long after the broker is back
 * @param shutdownGrace         on shutdown, how long the round in flight may take to finish before it is
 *                              abandoned in place (its events are published again by the next leader);
 *                              well inside Spring's 30 s per shutdown phase
 * @param backlogSampleInterval how often every instance measures the backlog for
 *                              {@code parley.outbox.lag} and {@code parley.outbox.pending}; shorter than
 *                              a Prometheus scrape so the lag is never more than one scrape stale
 */
@ConfigurationProperties("parley.outbox")
public record OutboxProperties(
        @DefaultValue("true") boolean relayEnabled,
        @DefaultValue("500") int batchSize,
        @DefaultValue("1s") Duration pollInterval,
        @DefaultValue("2s") Duration takeoverInterval,
        @DefaultValue("200ms") Duration firstBackoff,
        @DefaultValue("15s") Duration maxBackoff,
        @DefaultValue("10s") Duration shutdownGrace,
        @DefaultValue("10s") Duration backlogSampleInterval) {

    RelaySettings relaySettings() {
        return new RelaySettings(batchSize, pollInterval, takeoverInterval, firstBackoff, maxBackoff, shutdownGrace);
    }
}
