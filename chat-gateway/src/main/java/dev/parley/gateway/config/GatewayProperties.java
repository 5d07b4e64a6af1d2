package dev.parley.gateway.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of a gateway node, under {@code parley.gateway}.
 *
 * @param nodeId       this node's id in the routing registry and on its metrics; must be unique in
 *                     the cluster (the pod name on Kubernetes). Empty: a random id at each start
 * @param helloTimeout how long a new socket may take to authenticate with its first frame
 * @param maxFrameSize largest inbound frame; a bigger one closes the socket with 1009
 */
@ConfigurationProperties("parley.gateway")
public record GatewayProperties(
        @DefaultValue("") String nodeId,
        @DefaultValue("5s") Duration helloTimeout,
        @DefaultValue("64KB") DataSize maxFrameSize) {
}
