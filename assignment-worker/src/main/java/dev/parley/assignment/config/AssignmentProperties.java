package dev.parley.assignment.config;

import dev.parley.assignment.domain.Strategy;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the assignment worker, under {@code parley.assignment}.
 *
 * @param consumerGroup          the Kafka consumer group every worker instance joins; instances share its partitions
 * @param conversationServiceUrl base URL of the conversation service's internal API
 * @param clientId               the worker's client id at the conversation service
 *                               ({@code parley.identity.services.<id>.secret} there)
 * @param clientSecret           the matching secret, traded for a SERVICE token
 * @param tokenRefreshBefore     how long before its expiry a service token is replaced (at most half its
 *                               life); a minute leaves room for a slow call and clock skew
 * @param requestTimeout         longest wait for one call to the conversation service
 * @param defaultStrategy        strategy of a department the conversation service gives none for
 *                               (departments carry their own, set by admins)
 * @param departments            per department id, e.g. {@code parley.assignment.departments.<id>.strategy=ROUND_ROBIN};
 *                               used only where the service gives no strategy
 * @param skillsFallbackAfter    under SKILLS, how long a conversation waits for its own department's agents
 *                               before any agent may take it
 * @param requeueOnAgentOffline  whether an agent reported OFFLINE has their open conversations requeued
 *                               (at the head of their queue) rather than kept
 * @param sweepInterval          how often every department's queue is drained regardless of events, so a
 *                               missed event delays a conversation by at most this much
 * @param queuePage              waiting conversations read per round (the service allows 1 to 200); a full page
 *                               is followed by another round
 * @param queueAnnounceInterval  shortest time between two announcements of a department's queue positions to
 *                               its waiting customers (after drains; the sweep announces the rest)
 */
@ConfigurationProperties("parley.assignment")
public record AssignmentProperties(
        @DefaultValue("assignment-worker") String consumerGroup,
        @DefaultValue("http://127.0.0.1:8081") String conversationServiceUrl,
        @DefaultValue("assignment-worker") String clientId,
        @DefaultValue("") String clientSecret,
        @DefaultValue("60s") Duration tokenRefreshBefore,
        @DefaultValue("10s") Duration requestTimeout,
        @DefaultValue("LEAST_BUSY") Strategy defaultStrategy,
        @DefaultValue Map<UUID, Department> departments,
        @DefaultValue("2m") Duration skillsFallbackAfter,
        @DefaultValue("true") boolean requeueOnAgentOffline,
        @DefaultValue("30s") Duration sweepInterval,
        @DefaultValue("100") int queuePage,
        @DefaultValue("2s") Duration queueAnnounceInterval) {

    /**
     * @param strategy how the department's conversations are assigned
     */
    public record Department(@DefaultValue("LEAST_BUSY") Strategy strategy) {
    }
}
