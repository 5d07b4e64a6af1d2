package dev.parley.assignment.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the assignment worker, under {@code parley.assignment}.
 *
 * @param consumerGroup    the Kafka consumer group every worker instance joins; instances share its partitions
 * @param conversationServiceUrl base URL of the conversation service's internal API
 */
@ConfigurationProperties("parley.assignment")
public record AssignmentProperties(
        @DefaultValue("assignment-worker") String consumerGroup,
        @DefaultValue("http://127.0.0.1:8081") String conversationServiceUrl) {
}
