package dev.parley.conversation.lifecycle.config;

import dev.parley.conversation.config.ConversationProperties;
import dev.parley.conversation.directory.application.DirectoryStore;
import dev.parley.conversation.lifecycle.adapter.caffeine.CaffeineConversationSnapshots;
import dev.parley.conversation.lifecycle.adapter.r2dbc.R2dbcConversationJournal;
import dev.parley.conversation.lifecycle.adapter.r2dbc.R2dbcConversationStore;
import dev.parley.conversation.lifecycle.adapter.r2dbc.R2dbcIdleConversations;
import dev.parley.conversation.lifecycle.adapter.r2dbc.R2dbcParticipantStore;
import dev.parley.conversation.lifecycle.adapter.scheduling.InactivityTimer;
import dev.parley.conversation.lifecycle.adapter.web.InternalController;
import dev.parley.conversation.lifecycle.adapter.web.LifecycleController;
import dev.parley.conversation.lifecycle.application.AccessPolicy;
import dev.parley.conversation.lifecycle.application.ChangingLifecycle;
import dev.parley.conversation.lifecycle.application.ClosingIdleConversations;
import dev.parley.conversation.lifecycle.application.ConversationJournal;
import dev.parley.conversation.lifecycle.application.ConversationSnapshots;
import dev.parley.conversation.lifecycle.application.ConversationStore;
import dev.parley.conversation.lifecycle.application.EventRecorder;
import dev.parley.conversation.lifecycle.application.IdleConversations;
import dev.parley.conversation.lifecycle.application.ManagingParticipants;
import dev.parley.conversation.lifecycle.application.MovingConversation;
import dev.parley.conversation.lifecycle.application.ParticipantStore;
import dev.parley.conversation.lifecycle.application.RequeueingOwnedConversations;
import dev.parley.conversation.lifecycle.application.StartingConversation;
import dev.parley.conversation.directory.application.OwnedConversations;
import dev.parley.conversation.lifecycle.domain.InactivityPolicy;
import dev.parley.conversation.lifecycle.domain.Lifecycle;
import dev.parley.conversation.outbox.application.OutboxWakeUps;
import dev.parley.conversation.reports.application.SupportMeters;
import dev.parley.conversation.lifecycle.application.AccessPolicy;
import dev.parley.conversation.lifecycle.application.EventRecorder;
import dev.parley.conversation.shared.application.Transactions;
import dev.parley.events.Topics;
import dev.parley.events.json.EventCodec;
import java.time.Clock;
import java.time.Duration;
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

    /**
     * 100,000 conversations at about a kilobyte each; one idle for 10 minutes is read again when it
     * is next written to, which costs one query.
     */
    @Bean
    ConversationSnapshots conversationSnapshots(ConversationStore conversations) {
        return new CaffeineConversationSnapshots(conversations, 100_000, Duration.ofMinutes(10));
    }

    @Bean
    ConversationJournal conversationJournal(DatabaseClient db, EventCodec codec, Topics topics,
                                            ConversationProperties properties, OutboxWakeUps wakeUps) {
        return new R2dbcConversationJournal(db, codec, topics.conversationEvents(),
                properties.inactivity().activityResolution(), wakeUps);
    }

    @Bean
    EventRecorder eventRecorder(ConversationJournal journal, ParticipantStore participants, Clock clock) {
        return new EventRecorder(journal, participants, clock);
    }

    @Bean
    AccessPolicy accessPolicy(DirectoryStore directory, ParticipantStore participants) {
        return new AccessPolicy(directory, participants);
    }

    @Bean
    Lifecycle lifecycle(ConversationProperties properties) {
        return new Lifecycle(properties.reopenClosedOnCustomerReply());
    }

    @Bean
    MovingConversation movingConversation(Lifecycle lifecycle, ConversationStore conversations,
                                          ParticipantStore participants, DirectoryStore directory, Clock clock) {
        return new MovingConversation(lifecycle, conversations, participants, directory, clock);
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

    /** For the directory: deactivating an agent requeues their open conversations. */
    @Bean
    OwnedConversations ownedConversations(ConversationStore conversations, ChangingLifecycle lifecycle) {
        return new RequeueingOwnedConversations(conversations, lifecycle);
    }

    @Bean
    InternalController internalController(ChangingLifecycle lifecycle) {
        return new InternalController(lifecycle);
    }
}
