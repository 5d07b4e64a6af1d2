package dev.parley.conversation.shared.config;

import dev.parley.conversation.shared.adapter.r2dbc.R2dbcTransactions;
import dev.parley.conversation.shared.adapter.web.FrameworkProblems;
import dev.parley.conversation.shared.adapter.web.ProblemResponses;
import dev.parley.conversation.shared.application.Transactions;
import dev.parley.events.json.EventCodec;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;

/** What every context shares: the event codec, transactions, the framework's problems and their description. */
@Configuration(proxyBeanMethods = false)
public class SharedConfiguration {

    @Bean
    EventCodec eventCodec() {
        return new EventCodec();
    }

    /** Framework refusals as problems with a {@code code}; takes the place of Spring Boot's handler. */
    @Bean
    FrameworkProblems frameworkProblems() {
        return new FrameworkProblems();
    }

    /** The problem responses of every operation in the OpenAPI description. */
    @Bean
    ProblemResponses problemResponses() {
        return new ProblemResponses();
    }

    @Bean
    Transactions transactions(ReactiveTransactionManager transactionManager) {
        return new R2dbcTransactions(TransactionalOperator.create(transactionManager));
    }
}
