package dev.parley.gateway.config;

import dev.parley.events.spring.EventBusConfiguration;
import java.util.UUID;
import org.springframework.boot.micrometer.metrics.autoconfigure.MeterRegistryCustomizer;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** Every bean of the gateway is built here, explicitly. */
@Configuration(proxyBeanMethods = false)
@Import(EventBusConfiguration.class)
@EnableConfigurationProperties(GatewayProperties.class)
public class ChatGatewayConfiguration {

    /** This node's id: configured, or random, so two nodes never share one by accident. */
    @Bean
    NodeId nodeId(GatewayProperties properties) {
        return new NodeId(properties.nodeId().isBlank() ? "gw-" + UUID.randomUUID() : properties.nodeId());
    }

    /** Every gateway metric carries its node, so a dashboard can tell nodes apart. */
    @Bean
    MeterRegistryCustomizer<MeterRegistry> nodeTag(NodeId nodeId) {
        return registry -> registry.config().commonTags("node", nodeId.value());
    }
}
