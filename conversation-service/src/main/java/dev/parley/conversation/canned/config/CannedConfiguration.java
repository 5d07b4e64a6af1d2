package dev.parley.conversation.canned.config;

import dev.parley.conversation.canned.adapter.r2dbc.R2dbcCannedReplyStore;
import dev.parley.conversation.canned.adapter.web.CannedReplyController;
import dev.parley.conversation.canned.application.CannedReplyStore;
import dev.parley.conversation.canned.application.UsingCannedReplies;
import dev.parley.conversation.lifecycle.application.ConversationStore;
import dev.parley.conversation.lifecycle.application.AccessPolicy;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;

/** Canned replies: personal, a department's or everyone's, rendered for a conversation. */
@Configuration(proxyBeanMethods = false)
public class CannedConfiguration {

    @Bean
    CannedReplyStore cannedReplyStore(DatabaseClient db) {
        return new R2dbcCannedReplyStore(db);
    }

    @Bean
    UsingCannedReplies usingCannedReplies(CannedReplyStore store, ConversationStore conversations, AccessPolicy access,
                                          Clock clock) {
        return new UsingCannedReplies(store, conversations, access, clock);
    }

    @Bean
    CannedReplyController cannedReplyController(UsingCannedReplies canned) {
        return new CannedReplyController(canned);
    }
}
