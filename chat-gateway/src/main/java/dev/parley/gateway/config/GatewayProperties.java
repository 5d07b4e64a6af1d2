package dev.parley.gateway.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of a gateway node, under {@code parley.gateway}.
 *
 * @param nodeId                 this node's id in the routing registry and on its metrics; must be unique in
 *                               the cluster (the pod name on Kubernetes). Empty: a random id at each start
 * @param helloTimeout           how long a new socket may take to authenticate with its first frame
 * @param maxFrameSize           largest inbound frame; a bigger one closes the socket with 1009
 * @param conversationService    base URL of conversation-service: commands, resume and its JWKS
 * @param issuer                 the {@code iss} every accepted token carries (conversation-service's
 *                               {@code parley.identity.issuer})
 * @param audience               the {@code aud} every accepted token contains
 * @param outboundQueue          frames one socket may have waiting to be written. 1,000 is minutes of a
 *                               busy agent's traffic, yet at ~1 KB a frame bounds a stuck socket to ~1 MB;
 *                               a socket that falls further behind is closed with 4429 and resumes
 * @param commandsPerSecond      sustained commands one socket may send (token bucket refill)
 * @param commandBurst           commands one socket may send at once (bucket size)
 * @param participantsTtl        how long a conversation's participants are cached for typing signals;
 *                               a participant who joined meanwhile misses typing for at most this long
 * @param catchUpWindow          on start, events older than this before the start are skipped rather
 *                               than delivered: connected clients resume what they missed anyway
 * @param upstreamTimeout        longest wait for conversation-service on one command
 * @param registrationTtl        how long a node's registration of a user lives without renewal; a
 *                               crashed node stops receiving routed events this long after it died
 *                               (its clients reconnect elsewhere sooner). Renewed every third of it
 * @param redisPrefix            prefix of the routing registry's keys and channels in Redis
 */
@ConfigurationProperties("parley.gateway")
public record GatewayProperties(
        @DefaultValue("") String nodeId,
        @DefaultValue("5s") Duration helloTimeout,
        @DefaultValue("64KB") DataSize maxFrameSize,
        @DefaultValue("http://127.0.0.1:8081") String conversationService,
        @DefaultValue("parley") String issuer,
        @DefaultValue("parley") String audience,
        @DefaultValue("1000") int outboundQueue,
        @DefaultValue("20") double commandsPerSecond,
        @DefaultValue("50") double commandBurst,
        @DefaultValue("10s") Duration participantsTtl,
        @DefaultValue("30s") Duration catchUpWindow,
        @DefaultValue("10s") Duration upstreamTimeout,
        @DefaultValue("30s") Duration registrationTtl,
        @DefaultValue("parley:gateway:") String redisPrefix) {
}
