package dev.parley.conversation.canned.adapter.web;

import dev.parley.conversation.canned.application.UsingCannedReplies;
import dev.parley.conversation.canned.domain.CannedReply;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Canned replies: keep them, list them as the agent types, render one for a conversation. */
@RestController
public class CannedReplyController {

    private final UsingCannedReplies canned;

    public CannedReplyController(UsingCannedReplies canned) {
        this.canned = canned;
    }

    /**
     * {@code team} (admins only) is optional, absent meaning a personal reply: a boxed Boolean, since
     * Jackson 3 refuses a missing primitive. {@code departmentId} null makes a team reply everyone's.
     */
    public record CreateRequest(String shortcut, String body, Boolean team, UUID departmentId) {
    }

    /** A team reply's {@code departmentId} may change; a personal reply's is ignored. */
    public record EditRequest(String shortcut, String body, UUID departmentId) {
    }

    public record Rendered(String text) {
    }

    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping("/api/v1/canned-replies")
    public Mono<ResponseEntity<CannedReply>> create(Caller caller, @RequestBody CreateRequest request) {
        return Responses.with(canned.create(caller, request.shortcut(), request.body(), Boolean.TRUE.equals(request.team()),
                request.departmentId()), HttpStatus.CREATED);
    }

    @GetMapping("/api/v1/canned-replies")
    public Mono<ResponseEntity<List<CannedReply>>> available(Caller caller, @RequestParam(defaultValue = "") String prefix) {
        return Responses.ok(canned.available(caller, prefix));
    }

    /** 404 {@code canned.not_found} for a reply the caller may not change: another's personal one, or a team one for an agent. */
    @PutMapping("/api/v1/canned-replies/{id}")
    public Mono<ResponseEntity<CannedReply>> edit(Caller caller, @PathVariable UUID id, @RequestBody EditRequest request) {
        return Responses.ok(canned.edit(caller, id, request.shortcut(), request.body(), request.departmentId()));
    }

    /** Every team reply (admins): those of departments the admin is not in too. */
    @GetMapping("/api/v1/admin/canned-replies")
    public Mono<ResponseEntity<List<CannedReply>>> team(Caller caller) {
        return Responses.ok(canned.team(caller));
    }

    @DeleteMapping("/api/v1/canned-replies/{id}")
    public Mono<ResponseEntity<Boolean>> delete(Caller caller, @PathVariable UUID id) {
        return Responses.ok(canned.delete(caller, id));
    }

    /** 400 {@code canned.unknown_variable} names a variable with no value in this conversation. */
    @PostMapping("/api/v1/conversations/{conversationId}/canned-replies/{shortcut}")
    public Mono<ResponseEntity<Rendered>> render(Caller caller, @PathVariable UUID conversationId,
                                                 @PathVariable String shortcut) {
        return Responses.ok(canned.render(caller, conversationId, shortcut).map(o -> o.map(Rendered::new)));
    }
}
