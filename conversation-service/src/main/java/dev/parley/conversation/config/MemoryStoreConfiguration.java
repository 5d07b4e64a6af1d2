package dev.parley.conversation.config;

import dev.parley.conversation.canned.adapter.memory.MemoryCannedReplyStore;
import dev.parley.conversation.canned.application.CannedReplyStore;
import dev.parley.conversation.directory.adapter.memory.MemoryDirectoryAdmin;
import dev.parley.conversation.directory.adapter.memory.MemoryDirectoryStore;
import dev.parley.conversation.directory.application.DirectoryAdmin;
import dev.parley.conversation.directory.application.DirectoryStore;
import dev.parley.conversation.faq.adapter.memory.MemoryFaqStore;
import dev.parley.conversation.faq.application.FaqStore;
import dev.parley.conversation.identity.adapter.memory.MemoryAgentAccounts;
import dev.parley.conversation.identity.adapter.memory.MemoryCustomers;
import dev.parley.conversation.identity.adapter.memory.MemoryInboxes;
import dev.parley.conversation.identity.adapter.memory.MemoryRefreshTokens;
import dev.parley.conversation.identity.adapter.memory.MemorySigningKeyStore;
import dev.parley.conversation.identity.application.AgentAccounts;
import dev.parley.conversation.identity.application.Customers;
import dev.parley.conversation.identity.application.Inboxes;
import dev.parley.conversation.identity.application.RefreshTokens;
import dev.parley.conversation.identity.application.SigningKeyStore;
import dev.parley.conversation.lifecycle.adapter.memory.MemoryConversationStore;
import dev.parley.conversation.lifecycle.adapter.memory.MemoryIdleConversations;
import dev.parley.conversation.lifecycle.adapter.memory.MemoryParticipantStore;
import dev.parley.conversation.lifecycle.application.ConversationStore;
import dev.parley.conversation.lifecycle.application.IdleConversations;
import dev.parley.conversation.lifecycle.application.ParticipantStore;
import dev.parley.conversation.messaging.adapter.memory.MemoryMessageStore;
import dev.parley.conversation.messaging.adapter.memory.MemoryReactionStore;
import dev.parley.conversation.messaging.application.MessageStore;
import dev.parley.conversation.messaging.application.ReactionStore;
import dev.parley.conversation.outbox.adapter.memory.MemoryOutbox;
import dev.parley.conversation.outbox.adapter.memory.MemoryOutboxBacklog;
import dev.parley.conversation.outbox.adapter.memory.MemoryOutboxLeadership;
import dev.parley.conversation.outbox.application.OutboxBacklog;
import dev.parley.conversation.outbox.application.OutboxLeadership;
import dev.parley.conversation.reading.adapter.memory.MemoryConversationQueries;
import dev.parley.conversation.reading.application.ConversationQueries;
import dev.parley.conversation.reports.adapter.memory.MemoryReportQueries;
import dev.parley.conversation.reports.application.ReportingSupport.ReportQueries;
import dev.parley.conversation.search.adapter.memory.MemorySearchIndex;
import dev.parley.conversation.search.application.SearchIndex;
import dev.parley.conversation.shared.adapter.memory.MemoryDatabase;
import dev.parley.conversation.shared.adapter.memory.MemoryEventLog;
import dev.parley.conversation.shared.adapter.memory.MemoryTransactions;
import dev.parley.conversation.shared.application.EventLog;
import dev.parley.conversation.shared.application.Transactions;
import dev.parley.events.json.EventCodec;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The conversation store in memory ({@code parley.conversation.store=memory}): no database, every
 * store port by its in-memory adapter over one {@link MemoryDatabase}, the outbox relayed by the
 * same relay in-process. R2DBC and Flyway are switched off by {@link MemoryStoreEnvironment}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = ConversationProperties.STORE, havingValue = "memory")
public class MemoryStoreConfiguration {

    private static final Logger log = LoggerFactory.getLogger(MemoryStoreConfiguration.class);

    @Bean
    MemoryDatabase memoryDatabase() {
        log.warn("Conversation store: in memory. Everything (conversations, agents, passwords, signing keys) "
                + "is forgotten when the process exits; set parley.conversation.store=postgres to keep it");
        return new MemoryDatabase();
    }

    @Bean
    Transactions transactions(MemoryDatabase db) {
        return new MemoryTransactions(db);
    }

    @Bean
    ConversationStore conversationStore(MemoryDatabase db) {
        return new MemoryConversationStore(db);
    }

    @Bean
    ParticipantStore participantStore(MemoryDatabase db) {
        return new MemoryParticipantStore(db);
    }

    @Bean
    IdleConversations idleConversations(MemoryDatabase db) {
        return new MemoryIdleConversations(db);
    }

    @Bean
    MessageStore messageStore(MemoryDatabase db) {
        return new MemoryMessageStore(db);
    }

    @Bean
    ReactionStore reactionStore(MemoryDatabase db) {
        return new MemoryReactionStore(db);
    }

    @Bean
    DirectoryStore directoryStore(MemoryDatabase db) {
        return new MemoryDirectoryStore(db);
    }

    @Bean
    DirectoryAdmin directoryAdmin(MemoryDatabase db) {
        return new MemoryDirectoryAdmin(db);
    }

    @Bean
    EventLog eventLog(MemoryDatabase db) {
        return new MemoryEventLog(db);
    }

    @Bean
    ConversationQueries conversationQueries(MemoryDatabase db, Clock clock) {
        return new MemoryConversationQueries(db, clock);
    }

    @Bean
    ReportQueries reportQueries(MemoryDatabase db) {
        return new MemoryReportQueries(db);
    }

    @Bean
    SearchIndex searchIndex(MemoryDatabase db) {
        return new MemorySearchIndex(db);
    }

    @Bean
    FaqStore faqStore(MemoryDatabase db) {
        return new MemoryFaqStore(db);
    }

    @Bean
    CannedReplyStore cannedReplyStore(MemoryDatabase db) {
        return new MemoryCannedReplyStore(db);
    }

    // Identity

    @Bean
    Inboxes identityInboxes(MemoryDatabase db) {
        return new MemoryInboxes(db);
    }

    @Bean
    Customers identityCustomers(MemoryDatabase db, Clock clock) {
        return new MemoryCustomers(db, clock);
    }

    @Bean
    AgentAccounts identityAgentAccounts(MemoryDatabase db, Clock clock) {
        return new MemoryAgentAccounts(db, clock);
    }

    @Bean
    RefreshTokens refreshTokens(MemoryDatabase db, Clock clock) {
        return new MemoryRefreshTokens(db, clock);
    }

    @Bean
    SigningKeyStore signingKeyStore(MemoryDatabase db) {
        return new MemorySigningKeyStore(db);
    }

    // Outbox

    /** Named apart from other areas' beans: bean names share one namespace and never override. */
    @Bean
    MemoryOutbox transactionalOutbox(MemoryDatabase db, EventCodec codec, Clock clock) {
        return new MemoryOutbox(db, codec, clock);
    }

    @Bean
    OutboxBacklog outboxBacklog(MemoryOutbox outbox, Clock clock) {
        return new MemoryOutboxBacklog(outbox, clock);
    }

    @Bean
    OutboxLeadership outboxLeadership(MemoryOutbox outbox, Clock clock) {
        return new MemoryOutboxLeadership(outbox, clock);
    }
}
