package dev.parley.conversation.faq.application;

import dev.parley.conversation.faq.domain.FaqEntry;
import dev.parley.conversation.identity.domain.Caller;
import dev.parley.conversation.shared.domain.Outcome;
import dev.parley.conversation.shared.domain.Rejection;
import dev.parley.conversation.shared.domain.UuidV7;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import reactor.core.publisher.Mono;

/** Admins keep each inbox's FAQ: add, change, remove and list entries. */
public final class ManagingFaq {

    public static final String ADMIN_ONLY = "directory.admin_only";
    public static final String INVALID = "faq.invalid_entry";
    public static final String NOT_FOUND = "faq.not_found";
    /** Long enough for a thorough answer, short enough to read in a chat bubble. */
    private static final int MAX_ANSWER = 4000;

    private final FaqStore faq;
    private final Clock clock;

    public ManagingFaq(FaqStore faq, Clock clock) {
        this.faq = faq;
        this.clock = clock;
    }

    /** The fields of an entry as an admin writes them. */
    public record EntryDraft(String question, String answer, List<String> keywords, Integer position, Boolean active) {
    }

    public Mono<Outcome<FaqEntry>> save(Caller caller, UUID inboxId, UUID entryId, EntryDraft draft) {
        if (!isAdmin(caller)) {
            return Mono.just(Outcome.rejected(ADMIN_ONLY, "only admins manage the FAQ"));
        }
        if (draft.question() == null || draft.question().isBlank() || draft.question().length() > 500) {
            return Mono.just(Outcome.rejected(Rejection.invalid(INVALID, "question", "a question of 1 to 500 characters")));
        }
        if (draft.answer() == null || draft.answer().isBlank() || draft.answer().length() > MAX_ANSWER) {
            return Mono.just(Outcome.rejected(Rejection.invalid(INVALID, "answer", "an answer of 1 to " + MAX_ANSWER + " characters")));
        }
        Instant now = clock.instant();
        var entry = new FaqEntry(entryId == null ? UuidV7.next(now) : entryId, inboxId, draft.question().strip(),
                draft.answer().strip(), draft.keywords() == null ? List.of() : draft.keywords(),
                draft.position() == null ? 0 : draft.position(), draft.active() == null || draft.active());
        return faq.save(entry, now).map(saved -> saved ? Outcome.accepted(entry)
                : Outcome.rejected(NOT_FOUND, entryId == null ? "no such inbox" : "no such FAQ entry in this inbox"));
    }

    public Mono<Outcome<List<FaqEntry>>> list(Caller caller, UUID inboxId) {
        if (!isAdmin(caller)) {
            return Mono.just(Outcome.rejected(ADMIN_ONLY, "only admins manage the FAQ"));
        }
        return faq.list(inboxId).collectList().map(Outcome::accepted);
    }

    public Mono<Outcome<Boolean>> delete(Caller caller, UUID inboxId, UUID entryId) {
        if (!isAdmin(caller)) {
            return Mono.just(Outcome.rejected(ADMIN_ONLY, "only admins manage the FAQ"));
        }
        return faq.delete(inboxId, entryId).map(deleted -> deleted ? Outcome.accepted(true)
                : Outcome.rejected(NOT_FOUND, "no such FAQ entry"));
    }

    private static boolean isAdmin(Caller caller) {
        return caller instanceof Caller.Agent agent && agent.isAdmin();
    }
}
