package dev.parley.conversation.faq.config;

import dev.parley.conversation.config.ConversationProperties;
import dev.parley.conversation.faq.adapter.r2dbc.R2dbcFaqStore;
import dev.parley.conversation.faq.adapter.web.FaqController;
import dev.parley.conversation.faq.application.AnsweringWithFaq;
import dev.parley.conversation.faq.application.FaqStore;
import dev.parley.conversation.faq.application.ManagingFaq;
import dev.parley.conversation.faq.application.TryingQuestion;
import dev.parley.conversation.faq.domain.BotReplies;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;

/** The FAQ bot: entries per inbox, their full-text search, and the bot's answers. */
@Configuration(proxyBeanMethods = false)
public class FaqConfiguration {

    @Bean
    FaqStore faqStore(DatabaseClient db) {
        return new R2dbcFaqStore(db);
    }

    @Bean
    AnsweringWithFaq answeringWithFaq(FaqStore faq, ConversationProperties properties) {
        var bot = properties.bot();
        return new AnsweringWithFaq(faq, new BotReplies(bot.confidenceThreshold(), bot.suggestions()));
    }

    @Bean
    FaqController faqController(FaqStore faqStore, AnsweringWithFaq answering, Clock clock) {
        return new FaqController(new ManagingFaq(faqStore, clock), new TryingQuestion(answering));
    }
}
