package dev.parley.conversation.shared.config;

import dev.parley.conversation.directory.application.DirectoryStore;
import dev.parley.conversation.lifecycle.application.ParticipantStore;
import dev.parley.conversation.messaging.application.MessageStore;
import dev.parley.conversation.outbox.application.Outbox;
import dev.parley.conversation.shared.adapter.r2dbc.R2dbcEventLog;
import dev.parley.conversation.shared.adapter.r2dbc.R2dbcTransactions;
import dev.parley.conversation.shared.application.AccessPolicy;
import dev.parley.conversation.shared.application.EventLog;
import dev.parley.conversation.shared.application.EventRecorder;
import dev.parley.conversation.shared.application.Transactions;
import dev.parley.events.Topics;
import dev.parley.events.json.EventCodec;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;

/** What every context shares: transactions, the event log, the recorder of events and the access policy. */
@Configuration(proxyBeanMethods = false)
public class SharedConfiguration {

    @Bean
    EventCodec eventCodec() {
        return new EventCodec();
    }

    @Bean
    Transactions transactions(ReactiveTransactionManager transactionManager) {
        return new R2dbcTransactions(TransactionalOperator.create(transactionManager));
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
}
