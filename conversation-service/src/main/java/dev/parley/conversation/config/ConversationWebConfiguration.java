package dev.parley.conversation.config;

import dev.parley.conversation.directory.adapter.web.DirectoryController;
import dev.parley.conversation.directory.application.AdministeringDirectory;
import dev.parley.conversation.directory.application.ChangingAgentStatus;
import dev.parley.conversation.canned.adapter.web.CannedReplyController;
import dev.parley.conversation.canned.application.UsingCannedReplies;
import dev.parley.conversation.faq.adapter.web.FaqController;
import dev.parley.conversation.queue.adapter.web.QueueController;
import dev.parley.conversation.queue.application.AnnouncingQueuePositions;
import dev.parley.conversation.reports.adapter.web.ReportController;
import dev.parley.conversation.reports.application.ReportingSupport;
import dev.parley.conversation.search.adapter.web.SearchController;
import dev.parley.conversation.search.application.SearchingConversations;
import dev.parley.conversation.faq.application.FaqStore;
import dev.parley.conversation.faq.application.ManagingFaq;
import dev.parley.conversation.lifecycle.adapter.web.InternalController;
import dev.parley.conversation.lifecycle.adapter.web.LifecycleController;
import dev.parley.conversation.lifecycle.application.ChangingLifecycle;
import dev.parley.conversation.lifecycle.application.ManagingParticipants;
import dev.parley.conversation.lifecycle.application.StartingConversation;
import dev.parley.conversation.messaging.adapter.web.MessagingController;
import dev.parley.conversation.messaging.application.ChangingMessage;
import dev.parley.conversation.messaging.application.MarkingRead;
import dev.parley.conversation.messaging.application.Reacting;
import dev.parley.conversation.messaging.application.SendingMessage;
import dev.parley.conversation.reading.adapter.web.ReadingController;
import dev.parley.conversation.reading.application.ReadingConversations;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The REST API: one controller per area, each a thin adapter over its use cases. */
@Configuration(proxyBeanMethods = false)
public class ConversationWebConfiguration {

    @Bean
    LifecycleController lifecycleController(StartingConversation starting, ChangingLifecycle lifecycle,
                                            ManagingParticipants participants) {
        return new LifecycleController(starting, lifecycle, participants);
    }

    @Bean
    MessagingController messagingController(SendingMessage sending, ChangingMessage changing, Reacting reacting,
                                            MarkingRead reading) {
        return new MessagingController(sending, changing, reacting, reading);
    }

    @Bean
    ReadingController readingController(ReadingConversations reading) {
        return new ReadingController(reading);
    }

    @Bean
    DirectoryController directoryController(AdministeringDirectory administering, ChangingAgentStatus statuses) {
        return new DirectoryController(administering, statuses);
    }

    @Bean
    FaqController faqController(FaqStore faqStore, Clock clock) {
        return new FaqController(new ManagingFaq(faqStore, clock));
    }

    @Bean
    CannedReplyController cannedReplyController(UsingCannedReplies canned) {
        return new CannedReplyController(canned);
    }

    @Bean
    SearchController searchController(SearchingConversations searching) {
        return new SearchController(searching);
    }

    @Bean
    ReportController reportController(ReportingSupport reporting) {
        return new ReportController(reporting);
    }

    @Bean
    QueueController queueController(AnnouncingQueuePositions positions) {
        return new QueueController(positions);
    }

    @Bean
    InternalController internalController(ChangingLifecycle lifecycle, ChangingAgentStatus statuses,
                                          ReadingConversations reading) {
        return new InternalController(lifecycle, statuses, reading);
    }
}
