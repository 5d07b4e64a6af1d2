package dev.parley.conversation.faq.adapter.web;

import dev.parley.conversation.faq.application.AnsweringWithFaq;
import dev.parley.conversation.faq.application.ManagingFaq;
import dev.parley.conversation.faq.application.TryingQuestion;
import dev.parley.conversation.faq.domain.FaqEntry;
import dev.parley.conversation.identity.domain.Caller;
import dev.parley.conversation.shared.adapter.web.Responses;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** An inbox's FAQ entries (admin). */
@RestController
@RequestMapping("/api/v1/admin/inboxes/{inboxId}/faq")
public class FaqController {

    private final ManagingFaq faq;
    private final TryingQuestion trying;

    public FaqController(ManagingFaq faq, TryingQuestion trying) {
        this.faq = faq;
        this.trying = trying;
    }

    public record Question(String question) {
    }

    /**
     * What the bot would answer to this question now: {@code reply.answered} is the entry it picks
     * (null when no entry reaches {@code confidenceThreshold}), {@code ranked} every candidate it weighed.
     * Changes nothing.
     */
    @PostMapping("/match")
    public Mono<ResponseEntity<AnsweringWithFaq.Trial>> match(Caller caller, @PathVariable UUID inboxId,
                                                              @RequestBody Question question) {
        return Responses.ok(trying.ask(caller, inboxId, question.question()));
    }

    @GetMapping
    public Mono<ResponseEntity<List<FaqEntry>>> list(Caller caller, @PathVariable UUID inboxId) {
        return Responses.ok(faq.list(caller, inboxId));
    }

    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping
    public Mono<ResponseEntity<FaqEntry>> create(Caller caller, @PathVariable UUID inboxId,
                                                 @RequestBody ManagingFaq.EntryDraft draft) {
        return Responses.with(faq.save(caller, inboxId, null, draft), HttpStatus.CREATED);
    }

    @PutMapping("/{entryId}")
    public Mono<ResponseEntity<FaqEntry>> update(Caller caller, @PathVariable UUID inboxId, @PathVariable UUID entryId,
                                                 @RequestBody ManagingFaq.EntryDraft draft) {
        return Responses.ok(faq.save(caller, inboxId, entryId, draft));
    }

    @DeleteMapping("/{entryId}")
    public Mono<ResponseEntity<Boolean>> delete(Caller caller, @PathVariable UUID inboxId, @PathVariable UUID entryId) {
        return Responses.ok(faq.delete(caller, inboxId, entryId));
    }
}
