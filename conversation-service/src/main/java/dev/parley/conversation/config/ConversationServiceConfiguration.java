package dev.parley.conversation.config;

import dev.parley.conversation.attachments.config.AttachmentsConfiguration;
import dev.parley.conversation.canned.config.CannedConfiguration;
import dev.parley.conversation.directory.config.DirectoryConfiguration;
import dev.parley.conversation.faq.config.FaqConfiguration;
import dev.parley.conversation.identity.config.IdentityConfiguration;
import dev.parley.conversation.lifecycle.config.LifecycleConfiguration;
import dev.parley.conversation.messaging.config.MessagingConfiguration;
import dev.parley.conversation.outbox.config.OutboxConfiguration;
import dev.parley.conversation.pages.config.PagesConfiguration;
import dev.parley.conversation.queue.config.QueueConfiguration;
import dev.parley.conversation.reading.config.ReadingConfiguration;
import dev.parley.conversation.reports.config.ReportsConfiguration;
import dev.parley.conversation.search.config.SearchConfiguration;
import dev.parley.conversation.shared.config.SharedConfiguration;
import dev.parley.events.spring.EventBusConfiguration;
import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * The conversation service's composition root. Every bean is built explicitly, by the one
 * {@code @Configuration} of its context ({@code <context>.config}: its store adapters, use cases and
 * controllers); domain classes carry no annotations and nothing is component-scanned.
 */
@Configuration(proxyBeanMethods = false)
@Import({EventBusConfiguration.class, SharedConfiguration.class, LifecycleConfiguration.class,
        MessagingConfiguration.class, ReadingConfiguration.class, DirectoryConfiguration.class,
        IdentityConfiguration.class, OutboxConfiguration.class, AttachmentsConfiguration.class,
        FaqConfiguration.class, CannedConfiguration.class, SearchConfiguration.class, ReportsConfiguration.class,
        QueueConfiguration.class, PagesConfiguration.class, OpenApiConfiguration.class})
@EnableConfigurationProperties(ConversationProperties.class)
public class ConversationServiceConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
