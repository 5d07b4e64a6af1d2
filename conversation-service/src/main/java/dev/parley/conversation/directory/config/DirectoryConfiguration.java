package dev.parley.conversation.directory.config;

import dev.parley.conversation.directory.adapter.r2dbc.R2dbcAgentLinks;
import dev.parley.conversation.directory.adapter.r2dbc.R2dbcDirectoryAdmin;
import dev.parley.conversation.directory.adapter.r2dbc.R2dbcDirectoryStore;
import dev.parley.conversation.directory.adapter.web.AdminController;
import dev.parley.conversation.directory.adapter.web.DirectoryController;
import dev.parley.conversation.directory.adapter.web.InternalDirectoryController;
import dev.parley.conversation.directory.adapter.web.WidgetSettingsController;
import dev.parley.conversation.directory.application.AdministeringDirectory;
import dev.parley.conversation.directory.application.AgentLinks;
import dev.parley.conversation.directory.application.EditingDirectory;
import dev.parley.conversation.directory.application.FollowingAgentLink;
import dev.parley.conversation.directory.application.AnnouncingDepartmentChanges;
import dev.parley.conversation.directory.application.ManagingAgents;
import dev.parley.conversation.directory.application.OwnedConversations;
import dev.parley.conversation.identity.application.AgentAccounts;
import dev.parley.conversation.identity.application.PasswordHasher;
import dev.parley.conversation.identity.application.RefreshTokens;
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
    AgentLinks agentLinks(DatabaseClient db) {
        return new R2dbcAgentLinks(db);
    }

    @Bean
    EditingDirectory editingDirectory(DirectoryAdmin admin, DirectoryStore directory, Clock clock) {
        return new EditingDirectory(admin, directory, clock);
    }

    /** {@code owned} comes from the lifecycle, which requeues. */
    @Bean
    ManagingAgents managingAgents(AdministeringDirectory administering, DirectoryAdmin admin, DirectoryStore directory,
                                  AgentLinks links, ChangingAgentStatus statuses, RefreshTokens refreshTokens,
                                  OwnedConversations owned, Transactions transactions, Outbox outbox, Topics topics,
                                  Clock clock) {
        return new ManagingAgents(administering, admin, directory, links, statuses, refreshTokens, owned, transactions,
                new AnnouncingDepartmentChanges(outbox, topics, clock), clock);
    }

    @Bean
    FollowingAgentLink followingAgentLink(Transactions transactions, AgentLinks links, DirectoryStore directory,
                                          AgentAccounts accounts, PasswordHasher hasher, RefreshTokens refreshTokens,
                                          Clock clock) {
        return new FollowingAgentLink(transactions, links, directory, accounts, hasher, refreshTokens, clock);
    }

    @Bean
    DirectoryController directoryController(AdministeringDirectory administering, EditingDirectory editing,
                                            ChangingAgentStatus statuses) {
        return new DirectoryController(administering, editing, statuses);
    }

    @Bean
    WidgetSettingsController widgetSettingsController(DirectoryStore store) {
        return new WidgetSettingsController(store);
    }

    @Bean
    AdminController adminController(EditingDirectory editing, ManagingAgents agents, FollowingAgentLink links) {
        return new AdminController(editing, agents, links);
    }

    @Bean
    InternalDirectoryController internalDirectoryController(ChangingAgentStatus statuses) {
        return new InternalDirectoryController(statuses);
    }
}
