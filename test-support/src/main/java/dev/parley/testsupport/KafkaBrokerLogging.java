package dev.parley.testsupport;

import java.util.List;

import org.slf4j.LoggerFactory;

/**
 * The in-JVM broker logs hundreds of INFO lines on start and stop, which drown the test output. When
 * Logback is the SLF4J backend (as under spring-boot-starter-test), its loggers are set to WARN unless
 * a configuration already gave them a level. For other backends, configure the same logger names:
 * <pre>{@code
 * <logger name="kafka" level="WARN"/>
 * <logger name="state.change.logger" level="WARN"/>
 * <logger name="org.apache.kafka.server" level="WARN"/>   <!-- and the other names in BROKER_LOGGERS -->
 * }</pre>
 * Client loggers ({@code org.apache.kafka.clients}) are left alone: they belong to the code under test.
 * The configuration dumps ({@code AbstractConfig}, several hundred lines per broker start) and metrics
 * lifecycle lines are quieted for clients too, since clients and broker share those loggers.
 */
final class KafkaBrokerLogging {

    static final List<String> BROKER_LOGGERS = List.of(
            "kafka",
            "state.change.logger",
            "org.apache.kafka.common.config.AbstractConfig",
            "org.apache.kafka.common.metrics",
            "org.apache.kafka.common.utils.AppInfoParser",
            "org.apache.kafka.config",
            "org.apache.kafka.controller",
            "org.apache.kafka.coordinator",
            "org.apache.kafka.deferred",
            "org.apache.kafka.image",
            "org.apache.kafka.logger",
            "org.apache.kafka.metadata",
            "org.apache.kafka.network",
            "org.apache.kafka.queue",
            "org.apache.kafka.raft",
            "org.apache.kafka.security",
            "org.apache.kafka.server",
            "org.apache.kafka.snapshot",
            "org.apache.kafka.storage",
            "org.apache.kafka.timeline");

    private static final String LOGBACK_CONTEXT = "ch.qos.logback.classic.LoggerContext";

    private KafkaBrokerLogging() {
    }

    static void quiet() {
        if (LOGBACK_CONTEXT.equals(LoggerFactory.getILoggerFactory().getClass().getName())) {
            LogbackBrokerLevels.install(BROKER_LOGGERS);
        }
    }
}
