package dev.parley.conversation.directory.config;

import dev.parley.conversation.directory.adapter.r2dbc.R2dbcDirectoryAdmin;
import dev.parley.conversation.directory.adapter.r2dbc.R2dbcDirectoryStore;
import dev.parley.conversation.directory.adapter.web.DirectoryController;
import dev.parley.conversation.directory.adapter.web.InternalDirectoryController;
import dev.parley.conversation.directory.application.AdministeringDirectory;
import dev.parley.conversation.directory.application.ChangingAgentStatus;
import dev.parley.conversation.directory.application.DirectoryAdmin;
import dev.parley.conversation.directory.application.DirectoryStore;
import dev.parley.conversation.outbox.application.Outbox;
import dev.parley.conversation.shared.application.Transactions;
import dev.parley.events.Topics;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;

/** Inboxes, departments, agents and their status. */
@Configuration(proxyBeanMethods = false)
public class DirectoryConfiguration {

    @Bean
    DirectoryStore directoryStore(DatabaseClient db) {
        return new R2dbcDirectoryStore(db);
    }

    @Bean
    DirectoryAdmin directoryAdmin(DatabaseClient db, DirectoryStore directory) {
        return new R2dbcDirectoryAdmin(db, directory);
    }

    @Bean
    ChangingAgentStatus changingAgentStatus(Transactions transactions, DirectoryStore directory, Outbox outbox,
                                            Topics topics, Clock clock) {
        return new ChangingAgentStatus(transactions, directory, outbox, topics, clock);
    }

    @Bean
    AdministeringDirectory administeringDirectory(DirectoryAdmin admin, DirectoryStore directory, Clock clock) {
        return new AdministeringDirectory(admin, directory, clock);
    }

    @Bean
    DirectoryController directoryController(AdministeringDirectory administering, ChangingAgentStatus statuses) {
        return new DirectoryController(administering, statuses);
    }

    @Bean
    InternalDirectoryController internalDirectoryController(ChangingAgentStatus statuses) {
        return new InternalDirectoryController(statuses);
    }
}
