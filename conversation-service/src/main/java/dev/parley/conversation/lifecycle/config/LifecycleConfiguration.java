package dev.parley.conversation.lifecycle.config;

import dev.parley.conversation.config.ConversationProperties;
import dev.parley.conversation.directory.application.ChangingAgentStatus;
import dev.parley.conversation.directory.application.DirectoryStore;
import dev.parley.conversation.lifecycle.adapter.r2dbc.R2dbcConversationStore;
import dev.parley.conversation.lifecycle.adapter.r2dbc.R2dbcIdleConversations;
import dev.parley.conversation.lifecycle.adapter.r2dbc.R2dbcParticipantStore;
import dev.parley.conversation.lifecycle.adapter.scheduling.InactivityTimer;
import dev.parley.conversation.lifecycle.adapter.web.InternalController;
import dev.parley.conversation.lifecycle.adapter.web.LifecycleController;
import dev.parley.conversation.lifecycle.application.ChangingLifecycle;
import dev.parley.conversation.lifecycle.application.ClosingIdleConversations;
import dev.parley.conversation.lifecycle.application.ConversationStore;
import dev.parley.conversation.lifecycle.application.IdleConversations;
import dev.parley.conversation.lifecycle.application.ManagingParticipants;
import dev.parley.conversation.lifecycle.application.MovingConversation;
import dev.parley.conversation.lifecycle.application.ParticipantStore;
import dev.parley.conversation.lifecycle.application.StartingConversation;
import dev.parley.conversation.lifecycle.domain.InactivityPolicy;
import dev.parley.conversation.lifecycle.domain.Lifecycle;
import dev.parley.conversation.reading.application.ReadingConversations;
import dev.parley.conversation.reports.application.SupportMeters;
import dev.parley.conversation.shared.application.AccessPolicy;
import dev.parley.conversation.shared.application.EventRecorder;
import dev.parley.conversation.shared.application.Transactions;
import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;

/** Conversations and their participants: the state machine's use cases, the inactivity timers, the API. */
@Configuration(proxyBeanMethods = false)
public class LifecycleConfiguration {

    @Bean
    ConversationStore conversationStore(DatabaseClient db) {
        return new R2dbcConversationStore(db);
    }

    @Bean
    ParticipantStore participantStore(DatabaseClient db) {
        return new R2dbcParticipantStore(db);
    }

    @Bean
    IdleConversations idleConversations(DatabaseClient db) {
        return new R2dbcIdleConversations(db);
    }

    @Bean
    MovingConversation movingConversation(ConversationProperties properties, ConversationStore conversations,
                                          ParticipantStore participants, DirectoryStore directory, Clock clock) {
        return new MovingConversation(new Lifecycle(properties.reopenClosedOnCustomerReply()), conversations,
                participants, directory, clock);
    }

    @Bean
    StartingConversation startingConversation(Transactions transactions, ConversationStore conversations,
                                              ParticipantStore participants, DirectoryStore directory,
                                              EventRecorder recorder, Clock clock) {
        return new StartingConversation(transactions, conversations, participants, directory, recorder, clock);
    }

    @Bean
    ChangingLifecycle changingLifecycle(Transactions transactions, ConversationStore conversations, AccessPolicy access,
                                        MovingConversation moving, EventRecorder recorder, SupportMeters meters) {
        return new ChangingLifecycle(transactions, conversations, access, moving, recorder, meters);
    }

    @Bean
    ManagingParticipants managingParticipants(Transactions transactions, ConversationStore conversations,
                                              ParticipantStore participants, DirectoryStore directory,
                                              AccessPolicy access, EventRecorder recorder, Clock clock) {
        return new ManagingParticipants(transactions, conversations, participants, directory, access, recorder, clock);
    }

    @Bean
    ClosingIdleConversations closingIdleConversations(Transactions transactions, IdleConversations idle,
                                                      ChangingLifecycle lifecycle, ConversationProperties properties,
                                                      Clock clock) {
        var inactivity = properties.inactivity();
        return new ClosingIdleConversations(transactions, idle, lifecycle,
                new InactivityPolicy(inactivity.waitingToResolved(), inactivity.resolvedToClosed()), clock,
                inactivity.batchSize());
    }

    @Bean
    @ConditionalOnProperty(name = "parley.conversation.inactivity.enabled", matchIfMissing = true)
    InactivityTimer inactivityTimer(ClosingIdleConversations sweeping, ConversationProperties properties) {
        return new InactivityTimer(sweeping, properties.inactivity().checkInterval());
    }

    @Bean
    LifecycleController lifecycleController(StartingConversation starting, ChangingLifecycle lifecycle,
                                            ManagingParticipants participants) {
        return new LifecycleController(starting, lifecycle, participants);
    }

    @Bean
    InternalController internalController(ChangingLifecycle lifecycle, ChangingAgentStatus statuses,
                                          ReadingConversations reading) {
        return new InternalController(lifecycle, statuses, reading);
    }
}
