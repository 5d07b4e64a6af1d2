package dev.parley.assignment.config;

import dev.parley.assignment.adapter.http.HttpConversationService;
import dev.parley.serviceclient.ServiceTokens;
import dev.parley.assignment.adapter.kafka.AssignmentConsumer;
import dev.parley.assignment.adapter.micrometer.AssignmentMeters;
import dev.parley.assignment.application.AssigningConversations;
import dev.parley.assignment.application.ConversationService;
import dev.parley.assignment.application.ReactingToEvents;
import dev.parley.assignment.application.RoutingSettings;
import dev.parley.assignment.application.Sweeping;
import dev.parley.events.Topics;
import dev.parley.events.bus.EventBus;
import dev.parley.events.spring.EventBusConfiguration;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.web.reactive.function.client.WebClient;

/** Every bean of the worker is built here, explicitly. */
@Configuration(proxyBeanMethods = false)
@Import(EventBusConfiguration.class)
@EnableConfigurationProperties(AssignmentProperties.class)
public class AssignmentWorkerConfiguration {

    /** Named apart from other modules' clocks: the standalone application holds them all in one context. */
    @Bean
    Clock assignmentClock() {
        return Clock.systemUTC();
    }

    @Bean
    ConversationService conversationService(AssignmentProperties properties, Clock assignmentClock) {
        WebClient client = WebClient.builder().baseUrl(properties.conversationServiceUrl()).build();
        var tokens = new ServiceTokens(client, properties.clientId(), properties.clientSecret(),
                properties.tokenRefreshBefore(), assignmentClock);
        return new HttpConversationService(client, tokens, properties.requestTimeout());
    }

    @Bean
    AssigningConversations assigningConversations(ConversationService service, AssignmentProperties properties,
                                                  MeterRegistry registry, Clock assignmentClock) {
        var strategies = properties.departments().entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, entry -> entry.getValue().strategy()));
        var settings = new RoutingSettings(properties.defaultStrategy(), strategies, properties.skillsFallbackAfter(),
                properties.queuePage(), properties.queueAnnounceInterval());
        return new AssigningConversations(service, settings, new AssignmentMeters(registry), assignmentClock);
    }

    @Bean
    ReactingToEvents reactingToEvents(AssigningConversations assigning, ConversationService service,
                                      AssignmentProperties properties) {
        return new ReactingToEvents(assigning, service, properties.requeueOnAgentOffline());
    }

    @Bean
    AssignmentLifecycle assignmentLifecycle(EventBus bus, Topics topics, ReactingToEvents reacting,
                                            AssignmentProperties properties) {
        return new AssignmentLifecycle(new AssignmentConsumer(bus, topics, properties.consumerGroup(), reacting),
                new Sweeping(reacting, properties.sweepInterval()));
    }
}
