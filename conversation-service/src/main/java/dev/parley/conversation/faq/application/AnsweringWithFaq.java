package dev.parley.conversation.faq.application;

import dev.parley.conversation.faq.domain.BotReplies;
import dev.parley.conversation.faq.domain.RankedEntry;
import dev.parley.conversation.lifecycle.domain.Conversation;
import dev.parley.conversation.lifecycle.domain.ConversationStatus;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import reactor.core.publisher.Mono;

/**
 * The inbox's FAQ bot: answers a customer's message while the conversation is with the bot, and
 * stays silent once it is queued or an agent is involved.
 */
public final class AnsweringWithFaq {

    private final FaqStore faq;
    private final BotReplies replies;

    public AnsweringWithFaq(FaqStore faq, BotReplies replies) {
        this.faq = faq;
        this.replies = replies;
    }

    /** What the bot would answer and the entries it weighed, best first. */
    public record Trial(BotReplies.BotReply reply, List<RankedEntry> ranked, double confidenceThreshold) {
    }

    public Mono<Optional<BotReplies.BotReply>> replyTo(Conversation conversation, String customerText) {
        if (conversation.status() != ConversationStatus.BOT) {
            return Mono.just(Optional.empty());
        }
        return trial(conversation.inboxId(), customerText).map(trial -> Optional.of(trial.reply()));
    }

    /** The same search and choice as {@link #replyTo}, whatever the conversation: the admins' "try a question". */
    public Mono<Trial> trial(UUID inboxId, String text) {
        return faq.search(inboxId, text, replies.suggestions() + 1).collectList()
                .map(ranked -> new Trial(replies.replyTo(ranked), List.copyOf(ranked), replies.confidenceThreshold()));
    }
}
