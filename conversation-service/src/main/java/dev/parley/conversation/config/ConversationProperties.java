package dev.parley.conversation.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the conversation service, under {@code parley.conversation}.
 *
 * @param messages                     limits on what a message may be and how long it may be changed
 * @param reopenClosedOnCustomerReply  whether a customer writing to a CLOSED conversation reopens it
 *                                     (a RESOLVED one always reopens); off: the widget starts a new one
 */
@ConfigurationProperties("parley.conversation")
public record ConversationProperties(
        @DefaultValue Messages messages,
        @DefaultValue("false") boolean reopenClosedOnCustomerReply) {

    /**
     * @param maxLength  longest message body, in Unicode code points (not UTF-16 units)
     * @param editWindow how long after sending its author may still edit a message
     */
    public record Messages(
            @DefaultValue("4000") int maxLength,
            @DefaultValue("15m") Duration editWindow) {
    }
}
