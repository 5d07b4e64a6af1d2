package dev.parley.conversation.faq.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * What the bot says to a customer's message, given the entries ranked against it: the best answer
 * when it is confident enough, with the next likely questions and "Talk to an agent" as quick
 * replies; otherwise an honest "not sure" that offers the handoff.
 *
 * @param confidenceThreshold the score the best entry needs for the bot to answer with it
 * @param suggestions         how many other likely questions to offer
 */
public record BotReplies(double confidenceThreshold, int suggestions) {

    /** The quick reply that asks for a human; clients send talk-to-agent when it is chosen. */
    public static final String TALK_TO_AGENT = "Talk to an agent";
    public static final String NOT_SURE = "I'm not sure I have an answer to that. Would you like to talk to an agent?";

    public record BotReply(String text, List<String> quickReplies, FaqEntry answered) {
    }

    /** @param ranked best first */
    public BotReply replyTo(List<RankedEntry> ranked) {
        boolean confident = !ranked.isEmpty() && ranked.get(0).score() >= confidenceThreshold;
        var quickReplies = new ArrayList<String>();
        ranked.stream().skip(confident ? 1 : 0)
                .filter(candidate -> candidate.score() > 0)
                .limit(suggestions)
                .forEach(candidate -> quickReplies.add(candidate.entry().question()));
        quickReplies.add(TALK_TO_AGENT);
        return confident
                ? new BotReply(ranked.get(0).entry().answer(), List.copyOf(quickReplies), ranked.get(0).entry())
                : new BotReply(NOT_SURE, List.copyOf(quickReplies), null);
    }
}
