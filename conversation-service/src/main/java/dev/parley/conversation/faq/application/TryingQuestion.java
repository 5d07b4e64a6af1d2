package dev.parley.conversation.faq.application;

import dev.parley.conversation.identity.domain.Caller;
import dev.parley.conversation.shared.domain.Outcome;
import dev.parley.conversation.shared.domain.Rejection;
import java.util.UUID;
import reactor.core.publisher.Mono;

/**
 * An admin asks the inbox's bot a question without a conversation and sees which entry it would
 * pick, with the scores of the others: read-only, and the same code path as a customer's message.
 */
public final class TryingQuestion {

    /** As long as a customer's message may be. */
    private static final int MAX_QUESTION = 4000;

    private final AnsweringWithFaq answering;

    public TryingQuestion(AnsweringWithFaq answering) {
        this.answering = answering;
    }

    public Mono<Outcome<AnsweringWithFaq.Trial>> ask(Caller caller, UUID inboxId, String question) {
        if (!(caller instanceof Caller.Agent agent && agent.isAdmin())) {
            return Mono.just(Outcome.rejected(ManagingFaq.ADMIN_ONLY, "only admins manage the FAQ"));
        }
        if (question == null || question.isBlank() || question.length() > MAX_QUESTION) {
            return Mono.just(Outcome.rejected(Rejection.invalid(ManagingFaq.INVALID, "question",
                    "a question of 1 to " + MAX_QUESTION + " characters")));
        }
        return answering.trial(inboxId, question).map(Outcome::accepted);
    }
}
