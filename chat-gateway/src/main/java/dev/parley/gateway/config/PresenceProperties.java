package dev.parley.gateway.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Presence settings of a gateway node, under {@code parley.gateway.presence}.
 *
 * @param grace              how long an agent may have no socket on any node before conversation-service
 *                           is told they went OFFLINE (and the worker requeues their conversations). 30 s
 *                           covers a page reload, a laptop lid or a flaky train Wi-Fi without shuffling
 *                           their customers; a node crash adds the registration TTL to it
 * @param sweepInterval      how often each node looks for agents whose grace ran out: the report comes
 *                           at most this late
 * @param lastSeenRetention  how long a user's last-seen time is kept after their last connection
 * @param clientId           the gateway's client id at conversation-service
 *                           ({@code parley.identity.services.<id>.secret} there)
 * @param clientSecret       the matching secret, traded for the SERVICE token that reports agents
 *                           offline. Empty: agents are never reported offline (logged at start)
 * @param tokenRefreshBefore how long before its expiry the service token is replaced (at most half its life)
 */
@ConfigurationProperties("parley.gateway.presence")
public record PresenceProperties(
        @DefaultValue("30s") Duration grace,
        @DefaultValue("1s") Duration sweepInterval,
        @DefaultValue("30d") Duration lastSeenRetention,
        @DefaultValue("chat-gateway") String clientId,
        @DefaultValue("") String clientSecret,
        @DefaultValue("60s") Duration tokenRefreshBefore) {
}
