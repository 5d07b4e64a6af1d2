package dev.parley.conversation.messaging.config;

import dev.parley.conversation.config.ConversationProperties;
import dev.parley.conversation.faq.application.AnsweringWithFaq;
import dev.parley.conversation.lifecycle.application.ConversationSnapshots;
import dev.parley.conversation.lifecycle.application.ConversationStore;
import dev.parley.conversation.lifecycle.application.MovingConversation;
import dev.parley.conversation.lifecycle.application.ParticipantStore;
import dev.parley.conversation.lifecycle.domain.Lifecycle;
import dev.parley.conversation.messaging.adapter.r2dbc.R2dbcMessageStore;
import dev.parley.conversation.messaging.adapter.r2dbc.R2dbcReactionStore;
import dev.parley.conversation.messaging.adapter.r2dbc.R2dbcReadReceipts;
import dev.parley.conversation.messaging.adapter.web.MessagingController;
import dev.parley.conversation.messaging.application.ChangingMessage;
import dev.parley.conversation.messaging.application.MarkingRead;
import dev.parley.conversation.messaging.application.MessageAttachments;
import dev.parley.conversation.messaging.application.MessageStore;
import dev.parley.conversation.messaging.application.Reacting;
import dev.parley.conversation.messaging.application.ReactionStore;
import dev.parley.conversation.messaging.application.ReadReceipts;
import dev.parley.conversation.messaging.application.SendingMessage;
import dev.parley.conversation.messaging.domain.EditPolicy;
import dev.parley.conversation.messaging.domain.MessageText;
import dev.parley.conversation.outbox.application.OutboxWakeUps;
import dev.parley.conversation.reports.application.SupportMeters;
import dev.parley.conversation.lifecycle.application.AccessPolicy;
import dev.parley.conversation.lifecycle.application.EventRecorder;
import dev.parley.conversation.shared.application.Transactions;
import dev.parley.events.Topics;
import dev.parley.events.json.EventCodec;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;

/** Messages, reactions and read watermarks: sending, editing, deleting, reacting, marking read. */
@Configuration(proxyBeanMethods = false)
public class MessagingConfiguration {

    @Bean
    MessageStore messageStore(DatabaseClient db) {
        return new R2dbcMessageStore(db);
    }

    @Bean
    ReactionStore reactionStore(DatabaseClient db) {
        return new R2dbcReactionStore(db);
    }

    @Bean
    SendingMessage sendingMessage(Transactions transactions, ConversationStore conversations,
                                  ConversationSnapshots snapshots, ParticipantStore participants, MessageStore messages,
                                  AccessPolicy access, Lifecycle lifecycle, MovingConversation moving,
                                  EventRecorder recorder, ConversationProperties properties, AnsweringWithFaq bot,
                                  SupportMeters meters, ObjectProvider<MessageAttachments> attachments, Clock clock) {
        return new SendingMessage(transactions, conversations, snapshots, participants, messages, access, lifecycle,
                moving, recorder, new MessageText(properties.messages().maxLength()), bot, meters,
                attachments.getIfAvailable(() -> MessageAttachments.NONE), clock);
    }

    @Bean
    ChangingMessage changingMessage(Transactions transactions, ConversationStore conversations, MessageStore messages,
                                    AccessPolicy access, EventRecorder recorder, ConversationProperties properties,
                                    Clock clock) {
        return new ChangingMessage(transactions, conversations, messages, access, recorder,
                new EditPolicy(properties.messages().editWindow()), new MessageText(properties.messages().maxLength()),
                clock);
    }

    @Bean
    Reacting reacting(Transactions transactions, ConversationStore conversations, MessageStore messages,
                      ReactionStore reactions, AccessPolicy access, EventRecorder recorder, Clock clock) {
        return new Reacting(transactions, conversations, messages, reactions, access, recorder, clock);
    }

    @Bean
    ReadReceipts readReceipts(DatabaseClient db, EventCodec codec, Topics topics, OutboxWakeUps wakeUps) {
        return new R2dbcReadReceipts(db, codec, topics.conversationEvents(), wakeUps);
    }

    @Bean
    MarkingRead markingRead(ConversationSnapshots snapshots, AccessPolicy access, ReadReceipts receipts,
                            EventRecorder recorder, Clock clock) {
        return new MarkingRead(snapshots, access, receipts, recorder, clock);
    }

    @Bean
    MessagingController messagingController(SendingMessage sending, ChangingMessage changing, Reacting reacting,
                                            MarkingRead reading) {
        return new MessagingController(sending, changing, reacting, reading);
    }
}
