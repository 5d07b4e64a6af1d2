package dev.parley.conversation.config;

import dev.parley.conversation.directory.adapter.r2dbc.R2dbcDirectoryAdmin;
import dev.parley.conversation.directory.adapter.r2dbc.R2dbcDirectoryStore;
import dev.parley.conversation.directory.application.AdministeringDirectory;
import dev.parley.conversation.directory.application.ChangingAgentStatus;
import dev.parley.conversation.directory.application.DirectoryStore;
import dev.parley.conversation.canned.adapter.r2dbc.R2dbcCannedReplyStore;
import dev.parley.conversation.canned.application.UsingCannedReplies;
import dev.parley.conversation.faq.adapter.r2dbc.R2dbcFaqStore;
import dev.parley.conversation.faq.application.AnsweringWithFaq;
import dev.parley.conversation.faq.application.FaqStore;
import dev.parley.conversation.faq.domain.BotReplies;
import dev.parley.conversation.lifecycle.adapter.r2dbc.R2dbcConversationStore;
import dev.parley.conversation.lifecycle.adapter.r2dbc.R2dbcIdleConversations;
import dev.parley.conversation.lifecycle.adapter.scheduling.InactivityTimer;
import dev.parley.conversation.lifecycle.application.ClosingIdleConversations;
import dev.parley.conversation.lifecycle.domain.InactivityPolicy;
import dev.parley.conversation.lifecycle.adapter.r2dbc.R2dbcParticipantStore;
import dev.parley.conversation.lifecycle.application.ChangingLifecycle;
import dev.parley.conversation.lifecycle.application.ConversationStore;
import dev.parley.conversation.lifecycle.application.ManagingParticipants;
import dev.parley.conversation.lifecycle.application.MovingConversation;
import dev.parley.conversation.lifecycle.application.ParticipantStore;
import dev.parley.conversation.lifecycle.application.StartingConversation;
import dev.parley.conversation.lifecycle.domain.Lifecycle;
import dev.parley.conversation.messaging.adapter.r2dbc.R2dbcMessageStore;
import dev.parley.conversation.messaging.adapter.r2dbc.R2dbcReactionStore;
import dev.parley.conversation.messaging.application.ChangingMessage;
import dev.parley.conversation.messaging.application.MarkingRead;
import dev.parley.conversation.messaging.application.MessageStore;
import dev.parley.conversation.messaging.application.Reacting;
import dev.parley.conversation.messaging.application.ReactionStore;
import dev.parley.conversation.messaging.application.MessageAttachments;
import dev.parley.conversation.messaging.application.SendingMessage;
import dev.parley.conversation.messaging.domain.EditPolicy;
import dev.parley.conversation.messaging.domain.MessageText;
import dev.parley.conversation.queue.application.AnnouncingQueuePositions;
import dev.parley.conversation.reading.adapter.r2dbc.R2dbcConversationQueries;
import dev.parley.conversation.reading.application.ReadingConversations;
import dev.parley.conversation.reports.adapter.micrometer.MicrometerSupportMeters;
import dev.parley.conversation.reports.adapter.r2dbc.R2dbcReportQueries;
import dev.parley.conversation.reports.application.SupportMeters;
import dev.parley.conversation.reports.application.ReportingSupport;
import dev.parley.conversation.search.adapter.r2dbc.R2dbcSearchIndex;
import dev.parley.conversation.search.application.SearchingConversations;
import dev.parley.conversation.shared.adapter.r2dbc.R2dbcEventLog;
import dev.parley.conversation.shared.adapter.r2dbc.R2dbcTransactions;
import dev.parley.conversation.shared.application.AccessPolicy;
import dev.parley.conversation.shared.application.EventLog;
import dev.parley.conversation.shared.application.EventRecorder;
import dev.parley.conversation.outbox.application.Outbox;
import dev.parley.conversation.shared.application.Transactions;
import dev.parley.events.Topics;
import dev.parley.events.json.EventCodec;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;

/** The conversation core: lifecycle, messages, read state, reactions, over R2DBC. */
@Configuration(proxyBeanMethods = false)
public class ConversationCoreConfiguration {

    @Bean
    EventCodec eventCodec() {
        return new EventCodec();
    }

    @Bean
    Transactions transactions(ReactiveTransactionManager transactionManager) {
        return new R2dbcTransactions(TransactionalOperator.create(transactionManager));
    }

    @Bean
    ConversationStore conversationStore(DatabaseClient db) {
        return new R2dbcConversationStore(db);
    }

    @Bean
    ParticipantStore participantStore(DatabaseClient db) {
        return new R2dbcParticipantStore(db);
    }

    @Bean
    MessageStore messageStore(DatabaseClient db) {
        return new R2dbcMessageStore(db);
    }

    @Bean
    ReactionStore reactionStore(DatabaseClient db) {
        return new R2dbcReactionStore(db);
    }

    @Bean
    DirectoryStore directoryStore(DatabaseClient db) {
        return new R2dbcDirectoryStore(db);
    }

    @Bean
    EventLog eventLog(DatabaseClient db, EventCodec codec) {
        return new R2dbcEventLog(db, codec);
    }

    @Bean
    EventRecorder eventRecorder(ParticipantStore participants, EventLog eventLog, Outbox outbox, MessageStore messages,
                                Topics topics, Clock clock) {
        return new EventRecorder(participants, eventLog, outbox, messages, topics, clock);
    }

    @Bean
    AccessPolicy accessPolicy(DirectoryStore directory, ParticipantStore participants) {
        return new AccessPolicy(directory, participants);
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
    SupportMeters supportMeters(MeterRegistry registry) {
        return new MicrometerSupportMeters(registry);
    }

    @Bean
    SendingMessage sendingMessage(Transactions transactions, ConversationStore conversations,
                                  ParticipantStore participants, MessageStore messages, AccessPolicy access,
                                  MovingConversation moving, EventRecorder recorder, ConversationProperties properties,
                                  AnsweringWithFaq bot, SupportMeters meters,
                                  ObjectProvider<MessageAttachments> attachments, Clock clock) {
        return new SendingMessage(transactions, conversations, participants, messages, access, moving, recorder,
                new MessageText(properties.messages().maxLength()), bot, meters,
                attachments.getIfAvailable(() -> MessageAttachments.NONE), clock);
    }

    @Bean
    UsingCannedReplies usingCannedReplies(DatabaseClient db, ConversationStore conversations, AccessPolicy access,
                                          Clock clock) {
        return new UsingCannedReplies(new R2dbcCannedReplyStore(db), conversations, access, clock);
    }

    @Bean
    SearchingConversations searchingConversations(DatabaseClient db, DirectoryStore directory) {
        return new SearchingConversations(new R2dbcSearchIndex(db), directory);
    }

    @Bean
    AnnouncingQueuePositions announcingQueuePositions(Transactions transactions, DatabaseClient db,
                                                      ConversationStore conversations, AccessPolicy access,
                                                      Outbox outbox, Topics topics, Clock clock) {
        return new AnnouncingQueuePositions(transactions, new R2dbcConversationQueries(db), conversations, access,
                outbox, topics, clock);
    }

    @Bean
    ReportingSupport reportingSupport(DatabaseClient db) {
        return new ReportingSupport(new R2dbcReportQueries(db));
    }

    @Bean
    FaqStore faqStore(DatabaseClient db) {
        return new R2dbcFaqStore(db);
    }

    @Bean
    AnsweringWithFaq answeringWithFaq(FaqStore faq, ConversationProperties properties) {
        return new AnsweringWithFaq(faq, new BotReplies(properties.bot().confidenceThreshold(), properties.bot().suggestions()));
    }

    @Bean
    ChangingMessage changingMessage(Transactions transactions, ConversationStore conversations, MessageStore messages,
                                    AccessPolicy access, EventRecorder recorder, ConversationProperties properties,
                                    Clock clock) {
        return new ChangingMessage(transactions, conversations, messages, access, recorder,
                new EditPolicy(properties.messages().editWindow()), new MessageText(properties.messages().maxLength()),
                clock);
    }

    @Bean
    Reacting reacting(Transactions transactions, ConversationStore conversations, MessageStore messages,
                      ReactionStore reactions, AccessPolicy access, EventRecorder recorder, Clock clock) {
        return new Reacting(transactions, conversations, messages, reactions, access, recorder, clock);
    }

    @Bean
    ReadingConversations readingConversations(ConversationStore conversations, ParticipantStore participants,
                                              EventLog eventLog, DatabaseClient db, DirectoryStore directory,
                                              AccessPolicy access) {
        return new ReadingConversations(conversations, participants, eventLog, new R2dbcConversationQueries(db),
                directory, access);
    }

    @Bean
    ManagingParticipants managingParticipants(Transactions transactions, ConversationStore conversations,
                                              ParticipantStore participants, DirectoryStore directory,
                                              AccessPolicy access, EventRecorder recorder, Clock clock) {
        return new ManagingParticipants(transactions, conversations, participants, directory, access, recorder, clock);
    }

    @Bean
    ChangingAgentStatus changingAgentStatus(Transactions transactions, DirectoryStore directory, Outbox outbox,
                                            Topics topics, Clock clock) {
        return new ChangingAgentStatus(transactions, directory, outbox, topics, clock);
    }

    @Bean
    AdministeringDirectory administeringDirectory(DatabaseClient db, DirectoryStore directory, Clock clock) {
        return new AdministeringDirectory(new R2dbcDirectoryAdmin(db, directory), directory, clock);
    }

    @Bean
    ClosingIdleConversations closingIdleConversations(Transactions transactions, DatabaseClient db,
                                                      ChangingLifecycle lifecycle, ConversationProperties properties,
                                                      Clock clock) {
        var inactivity = properties.inactivity();
        return new ClosingIdleConversations(transactions, new R2dbcIdleConversations(db), lifecycle,
                new InactivityPolicy(inactivity.waitingToResolved(), inactivity.resolvedToClosed()), clock,
                inactivity.batchSize());
    }

    @Bean
    @ConditionalOnProperty(name = "parley.conversation.inactivity.enabled", matchIfMissing = true)
    InactivityTimer inactivityTimer(ClosingIdleConversations sweeping, ConversationProperties properties) {
        return new InactivityTimer(sweeping, properties.inactivity().checkInterval());
    }

    @Bean
    MarkingRead markingRead(Transactions transactions, ConversationStore conversations, ParticipantStore participants,
                            AccessPolicy access, EventRecorder recorder, Clock clock) {
        return new MarkingRead(transactions, conversations, participants, access, recorder, clock);
    }
}
