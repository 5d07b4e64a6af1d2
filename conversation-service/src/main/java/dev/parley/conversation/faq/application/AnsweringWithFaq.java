package dev.parley.conversation.faq.application;

import dev.parley.conversation.faq.domain.BotReplies;
import dev.parley.conversation.lifecycle.domain.Conversation;
import dev.parley.conversation.lifecycle.domain.ConversationStatus;
import java.util.Optional;
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

    public Mono<Optional<BotReplies.BotReply>> replyTo(Conversation conversation, String customerText) {
        if (conversation.status() != ConversationStatus.BOT) {
            return Mono.just(Optional.empty());
        }
        return faq.search(conversation.inboxId(), customerText, replies.suggestions() + 1).collectList()
                .map(ranked -> Optional.of(replies.replyTo(ranked)));
    }
}
