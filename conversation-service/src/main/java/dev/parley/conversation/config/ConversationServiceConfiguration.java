package dev.parley.conversation.config;

import dev.parley.events.spring.EventBusConfiguration;
import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** Every bean of the conversation service is built here, explicitly; domain classes carry no annotations. */
@Configuration(proxyBeanMethods = false)
@Import({EventBusConfiguration.class, IdentityConfiguration.class, OutboxConfiguration.class,
        ConversationCoreConfiguration.class, ConversationWebConfiguration.class, OpenApiConfiguration.class,
        AttachmentsConfiguration.class})
@EnableConfigurationProperties(ConversationProperties.class)
public class ConversationServiceConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
