package dev.parley.conversation.queue.config;

import dev.parley.conversation.lifecycle.application.ConversationStore;
import dev.parley.conversation.outbox.application.Outbox;
import dev.parley.conversation.queue.adapter.web.QueueController;
import dev.parley.conversation.queue.application.AnnouncingQueuePositions;
import dev.parley.conversation.reading.application.ConversationQueries;
import dev.parley.conversation.lifecycle.application.AccessPolicy;
import dev.parley.conversation.shared.application.Transactions;
import dev.parley.events.Topics;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Waiting customers told their place in a department's queue. */
@Configuration(proxyBeanMethods = false)
public class QueueConfiguration {

    @Bean
    AnnouncingQueuePositions announcingQueuePositions(Transactions transactions, ConversationQueries queries,
                                                      ConversationStore conversations, AccessPolicy access,
                                                      Outbox outbox, Topics topics, Clock clock) {
        return new AnnouncingQueuePositions(transactions, queries, conversations, access, outbox, topics, clock);
    }

    @Bean
    QueueController queueController(AnnouncingQueuePositions positions) {
        return new QueueController(positions);
    }
}
