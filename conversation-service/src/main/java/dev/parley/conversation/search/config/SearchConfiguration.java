package dev.parley.conversation.search.config;

import dev.parley.conversation.directory.application.DirectoryStore;
import dev.parley.conversation.search.adapter.r2dbc.R2dbcSearchIndex;
import dev.parley.conversation.search.adapter.web.SearchController;
import dev.parley.conversation.search.application.SearchIndex;
import dev.parley.conversation.search.application.SearchingConversations;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;

/** Conversations found by message content and by customer. */
@Configuration(proxyBeanMethods = false)
public class SearchConfiguration {

    @Bean
    SearchIndex searchIndex(DatabaseClient db) {
        return new R2dbcSearchIndex(db);
    }

    @Bean
    SearchingConversations searchingConversations(SearchIndex index, DirectoryStore directory) {
        return new SearchingConversations(index, directory);
    }

    @Bean
    SearchController searchController(SearchingConversations searching) {
        return new SearchController(searching);
    }
}
