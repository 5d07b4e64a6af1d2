package dev.parley.conversation.reading.config;

import dev.parley.conversation.directory.application.DirectoryStore;
import dev.parley.conversation.lifecycle.application.ConversationStore;
import dev.parley.conversation.lifecycle.application.ParticipantStore;
import dev.parley.conversation.reading.adapter.r2dbc.R2dbcConversationQueries;
import dev.parley.conversation.reading.adapter.r2dbc.R2dbcEventLog;
import dev.parley.conversation.reading.adapter.web.InternalReadingController;
import dev.parley.conversation.reading.adapter.web.ReadingController;
import dev.parley.conversation.reading.application.ConversationQueries;
import dev.parley.conversation.reading.application.ReadingConversations;
import dev.parley.conversation.lifecycle.application.AccessPolicy;
import dev.parley.conversation.reading.application.EventLog;
import dev.parley.events.json.EventCodec;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;

/** History pages, events since a seq and conversation lists, as the caller may see them. */
@Configuration(proxyBeanMethods = false)
public class ReadingConfiguration {

    @Bean
    EventLog eventLog(DatabaseClient db, EventCodec codec) {
        return new R2dbcEventLog(db, codec);
    }

    @Bean
    ConversationQueries conversationQueries(DatabaseClient db) {
        return new R2dbcConversationQueries(db);
    }

    @Bean
    ReadingConversations readingConversations(ConversationStore conversations, ParticipantStore participants,
                                              EventLog eventLog, ConversationQueries queries, DirectoryStore directory,
                                              AccessPolicy access) {
        return new ReadingConversations(conversations, participants, eventLog, queries, directory, access);
    }

    @Bean
    ReadingController readingController(ReadingConversations reading) {
        return new ReadingController(reading);
    }

    @Bean
    InternalReadingController internalReadingController(ReadingConversations reading) {
        return new InternalReadingController(reading);
    }
}
