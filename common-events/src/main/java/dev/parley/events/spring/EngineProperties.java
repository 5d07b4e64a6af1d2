package dev.parley.events.spring;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The engine, under {@code parley}: {@code memory} runs on one node with in-process parts,
 * {@code cluster} uses Kafka, Redis and PostgreSQL (ARCHITECTURE §2). Ports stay the same; only
 * adapters change.
 *
 * @param engine {@code memory} or {@code cluster}
 */
@ConfigurationProperties("parley")
public record EngineProperties(@DefaultValue("cluster") Engine engine) {

    public enum Engine { MEMORY, CLUSTER }
}
