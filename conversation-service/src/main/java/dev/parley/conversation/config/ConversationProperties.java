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
 * @param inactivity                   the timers that move quiet conversations on
 * @param bot                          how the FAQ bot answers
 */
@ConfigurationProperties("parley.conversation")
public record ConversationProperties(
        @DefaultValue Messages messages,
        @DefaultValue("false") boolean reopenClosedOnCustomerReply,
        @DefaultValue Inactivity inactivity,
        @DefaultValue Bot bot) {

    /**
     * @param confidenceThreshold the share (0..1) of the customer's meaningful words the best entry must
     *                            match for the bot to answer with it; below, it says it is not sure and
     *                            offers an agent. 0.5 answers "is shipping free" and "I still haven't
     *                            received my money back" but not "tell me about your company history"
     *                            (one word in three); FaqBotIT's table holds the cases
     * @param suggestions         other likely questions offered as quick replies
     */
    public record Bot(
            @DefaultValue("0.5") double confidenceThreshold,
            @DefaultValue("2") int suggestions) {
    }

    /**
     * @param enabled           whether this instance sweeps (safe on every instance at once)
     * @param waitingToResolved a customer who has not answered for this long: the conversation is resolved
     * @param resolvedToClosed  a resolved conversation nobody reopened for this long is closed
     * @param checkInterval     how often to sweep; a conversation moves at most this late
     * @param batchSize         conversations locked and moved per transaction
     * @param activityResolution how far behind a conversation's stored last activity may fall while its
     *                          status stays: an append moves it only when it is older than this, so most
     *                          appends change no indexed column and PostgreSQL updates the row in place.
     *                          30 s: lists ordered by activity are that coarse, and the inactivity
     *                          timers, of hours, act at most that much early
     */
    public record Inactivity(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("24h") Duration waitingToResolved,
            @DefaultValue("72h") Duration resolvedToClosed,
            @DefaultValue("1m") Duration checkInterval,
            @DefaultValue("100") int batchSize,
            @DefaultValue("30s") Duration activityResolution) {
    }

    /**
     * @param maxLength  longest message body, in Unicode code points (not UTF-16 units)
     * @param editWindow how long after sending its author may still edit a message
     */
    public record Messages(
            @DefaultValue("4000") int maxLength,
            @DefaultValue("15m") Duration editWindow) {
    }
}
