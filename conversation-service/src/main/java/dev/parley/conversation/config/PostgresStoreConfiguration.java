package dev.parley.conversation.config;

import dev.parley.conversation.canned.adapter.r2dbc.R2dbcCannedReplyStore;
import dev.parley.conversation.canned.application.CannedReplyStore;
import dev.parley.conversation.directory.adapter.r2dbc.R2dbcDirectoryAdmin;
import dev.parley.conversation.directory.adapter.r2dbc.R2dbcDirectoryStore;
import dev.parley.conversation.directory.application.DirectoryAdmin;
import dev.parley.conversation.directory.application.DirectoryStore;
import dev.parley.conversation.faq.adapter.r2dbc.R2dbcFaqStore;
import dev.parley.conversation.faq.application.FaqStore;
import dev.parley.conversation.identity.adapter.r2dbc.R2dbcAgentAccounts;
import dev.parley.conversation.identity.adapter.r2dbc.R2dbcCustomers;
import dev.parley.conversation.identity.adapter.r2dbc.R2dbcInboxes;
import dev.parley.conversation.identity.adapter.r2dbc.R2dbcRefreshTokens;
import dev.parley.conversation.identity.adapter.r2dbc.R2dbcSigningKeyStore;
import dev.parley.conversation.identity.application.AgentAccounts;
import dev.parley.conversation.identity.application.Customers;
import dev.parley.conversation.identity.application.Inboxes;
import dev.parley.conversation.identity.application.RefreshTokens;
import dev.parley.conversation.identity.application.SigningKeyStore;
import dev.parley.conversation.lifecycle.adapter.r2dbc.R2dbcConversationStore;
import dev.parley.conversation.lifecycle.adapter.r2dbc.R2dbcIdleConversations;
import dev.parley.conversation.lifecycle.adapter.r2dbc.R2dbcParticipantStore;
import dev.parley.conversation.lifecycle.application.ConversationStore;
import dev.parley.conversation.lifecycle.application.IdleConversations;
import dev.parley.conversation.lifecycle.application.ParticipantStore;
import dev.parley.conversation.messaging.adapter.r2dbc.R2dbcMessageStore;
import dev.parley.conversation.messaging.adapter.r2dbc.R2dbcReactionStore;
import dev.parley.conversation.messaging.application.MessageStore;
import dev.parley.conversation.messaging.application.ReactionStore;
import dev.parley.conversation.outbox.adapter.r2dbc.PostgresOutboxLeadership;
import dev.parley.conversation.outbox.adapter.r2dbc.R2dbcOutbox;
import dev.parley.conversation.outbox.adapter.r2dbc.R2dbcOutboxBacklog;
import dev.parley.conversation.outbox.application.Outbox;
import dev.parley.conversation.outbox.application.OutboxBacklog;
import dev.parley.conversation.outbox.application.OutboxLeadership;
import dev.parley.conversation.reading.adapter.r2dbc.R2dbcConversationQueries;
import dev.parley.conversation.reading.application.ConversationQueries;
import dev.parley.conversation.reports.adapter.r2dbc.R2dbcReportQueries;
import dev.parley.conversation.reports.application.ReportingSupport.ReportQueries;
import dev.parley.conversation.search.adapter.r2dbc.R2dbcSearchIndex;
import dev.parley.conversation.search.application.SearchIndex;
import dev.parley.conversation.shared.adapter.r2dbc.R2dbcEventLog;
import dev.parley.conversation.shared.adapter.r2dbc.R2dbcTransactions;
import dev.parley.conversation.shared.application.EventLog;
import dev.parley.conversation.shared.application.Transactions;
import dev.parley.events.json.EventCodec;
import io.r2dbc.spi.ConnectionFactory;
import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * The conversation store on PostgreSQL ({@code parley.conversation.store=postgres}, the default):
 * every store port by its R2DBC adapter, migrated by Flyway, the outbox relayed under an advisory lock.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = ConversationProperties.STORE, havingValue = "postgres", matchIfMissing = true)
public class PostgresStoreConfiguration {

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
    IdleConversations idleConversations(DatabaseClient db) {
        return new R2dbcIdleConversations(db);
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
    DirectoryAdmin directoryAdmin(DatabaseClient db, DirectoryStore directory) {
        return new R2dbcDirectoryAdmin(db, directory);
    }

    @Bean
    EventLog eventLog(DatabaseClient db, EventCodec codec) {
        return new R2dbcEventLog(db, codec);
    }

    @Bean
    ConversationQueries conversationQueries(DatabaseClient db) {
        return new R2dbcConversationQueries(db);
    }

    @Bean
    ReportQueries reportQueries(DatabaseClient db) {
        return new R2dbcReportQueries(db);
    }

    @Bean
    SearchIndex searchIndex(DatabaseClient db) {
        return new R2dbcSearchIndex(db);
    }

    @Bean
    FaqStore faqStore(DatabaseClient db) {
        return new R2dbcFaqStore(db);
    }

    @Bean
    CannedReplyStore cannedReplyStore(DatabaseClient db) {
        return new R2dbcCannedReplyStore(db);
    }

    // Identity

    @Bean
    Inboxes identityInboxes(DatabaseClient db) {
        return new R2dbcInboxes(db);
    }

    @Bean
    Customers identityCustomers(DatabaseClient db, Clock clock) {
        return new R2dbcCustomers(db, clock);
    }

    @Bean
    AgentAccounts identityAgentAccounts(DatabaseClient db, ReactiveTransactionManager transactions, Clock clock) {
        return new R2dbcAgentAccounts(db, TransactionalOperator.create(transactions), clock);
    }

    @Bean
    RefreshTokens refreshTokens(DatabaseClient db, ReactiveTransactionManager transactions, Clock clock) {
        return new R2dbcRefreshTokens(db, TransactionalOperator.create(transactions), clock);
    }

    @Bean
    SigningKeyStore signingKeyStore(DatabaseClient db, ReactiveTransactionManager transactions) {
        return new R2dbcSigningKeyStore(db, TransactionalOperator.create(transactions));
    }

    // Outbox

    /** Named apart from other areas' beans: bean names share one namespace and never override. */
    @Bean
    Outbox transactionalOutbox(DatabaseClient databaseClient, EventCodec codec) {
        return new R2dbcOutbox(databaseClient, codec);
    }

    @Bean
    OutboxBacklog outboxBacklog(DatabaseClient databaseClient) {
        return new R2dbcOutboxBacklog(databaseClient);
    }

    @Bean
    OutboxLeadership outboxLeadership(ConnectionFactory connectionFactory, DatabaseClient databaseClient) {
        return new PostgresOutboxLeadership(connectionFactory, databaseClient);
    }
}
