package dev.parley.gateway.config;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of a gateway node, under {@code parley.gateway}.
 *
 * @param nodeId                 this node's id in the routing registry and on its metrics; must be unique in
 *                               the cluster (the pod name on Kubernetes). Empty: a random id at each start
 * @param helloTimeout           how long a new socket may take to authenticate with its first frame
 * @param pingInterval           how often every socket is sent a WebSocket ping (browsers answer with a
 *                               pong); below the idle timeouts of proxies and load balancers (often 60 s)
 * @param idleTimeout            a socket from which nothing came, not even a pong, for this long is cut
 *                               (close 1001): its client is gone or stopped reading. More than
 *                               {@code ping-interval}, so a live client always has a ping to answer
 * @param maxFrameSize           largest inbound frame; a bigger one closes the socket with 1009
 * @param conversationService    base URL of conversation-service: commands, resume and its JWKS
 * @param issuer                 the {@code iss} every accepted token carries (conversation-service's
 *                               {@code parley.identity.issuer})
 * @param audience               the {@code aud} every accepted token contains
 * @param outboundQueue          frames one socket may have waiting to be written. 1,000 is minutes of a
 *                               busy agent's traffic, yet at ~1 KB a frame bounds a stuck socket to ~1 MB;
 *                               a socket that falls further behind is closed with 4429 and resumes
 * @param commandsPerSecond      sustained commands one socket may send (token bucket refill), checked
 *                               before the user's budget
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
 * @param agentOrigins           pages that may open agents' sockets (the console's origins); empty: the
 *                               console must be served by the gateway itself (same host and port)
 * @param limits                 budgets per user (on each node) and per client address (shared by all nodes;
 *                               the address behind proxies is read as {@code parley.client-address.*} says)
 * @param maxSocketsPerUser      sockets one user may hold on one node (tabs, devices); the next hello is
 *                               closed with 4409. Bounds what one stolen token can hold open
 * @param maxSockets             sockets one node holds at most; further upgrades are answered 503 with
 *                               {@code Retry-After}, so the balancer tries another node before memory runs out
 * @param conversations          how the gateway reaches conversation-service: {@code http} (at
 *                               {@code conversation-service}), or {@code in-process}, which only
 *                               standalone sets: it brings the in-process adapter
 * @param tokenExpiryWarning     how long before a socket's token expires the client is sent
 *                               {@code auth.expiring}; a minute leaves room for a refresh round trip
 * @param shutdownSpread         on shutdown, clients are told to reconnect evenly over this window, so
 *                               the remaining nodes are not hit by every client at once
 * @param shutdownTimeout        longest a shutdown waits for its sockets to leave; keep it below
 *                               {@code spring.lifecycle.timeout-per-shutdown-phase} (30 s) and the
 *                               pod's termination grace period
 */
@ConfigurationProperties("parley.gateway")
public record GatewayProperties(
        @DefaultValue("") String nodeId,
        @DefaultValue("5s") Duration helloTimeout,
        @DefaultValue("25s") Duration pingInterval,
        @DefaultValue("75s") Duration idleTimeout,
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
        @DefaultValue("parley:gateway:") String redisPrefix,
        List<String> agentOrigins,
        @DefaultValue Limits limits,
        @DefaultValue("60s") Duration tokenExpiryWarning,
        @DefaultValue("10s") Duration shutdownSpread,
        @DefaultValue("25s") Duration shutdownTimeout,
        @DefaultValue("30") int maxSocketsPerUser,
        @DefaultValue("20000") int maxSockets,
        @DefaultValue("http") String conversations) {

    public GatewayProperties {
        agentOrigins = agentOrigins == null ? List.of() : List.copyOf(agentOrigins);
        if (idleTimeout.compareTo(pingInterval) <= 0) {
            throw new IllegalArgumentException("parley.gateway.idle-timeout (" + idleTimeout
                    + ") must be longer than parley.gateway.ping-interval (" + pingInterval + ")");
        }
    }

    /**
     * Budgets under {@code parley.gateway.limits}; each refills steadily: its count per its period.
     *
     * @param commandsPerUser               commands of one user, all their sockets on one node (counted
     *                                      in the node's memory: no Redis call per command): 100 per 5 s
     *                                      is 20/s sustained, with room for a console in several tabs
     * @param commandsPerUserPeriod         the period of {@code commandsPerUser}
     * @param connectsPerAddress            sockets opened from one client address; generous, since an
     *                                      office or a mobile carrier puts many visitors behind one
     *                                      address, and a node's shutdown moves all its clients within
     *                                      {@code shutdown-spread}
     * @param connectsPerAddressPeriod      the period of {@code connectsPerAddress}
     * @param helloFailuresPerAddress       failed hellos (bad token or origin, no hello in time) from one
     *                                      address before its connects are refused too: token guessing
     *                                      slows to a crawl
     * @param helloFailuresPerAddressPeriod the period of {@code helloFailuresPerAddress}
     */
    public record Limits(
            @DefaultValue("100") long commandsPerUser,
            @DefaultValue("5s") Duration commandsPerUserPeriod,
            @DefaultValue("120") long connectsPerAddress,
            @DefaultValue("1m") Duration connectsPerAddressPeriod,
            @DefaultValue("20") long helloFailuresPerAddress,
            @DefaultValue("5m") Duration helloFailuresPerAddressPeriod) {
    }
}
