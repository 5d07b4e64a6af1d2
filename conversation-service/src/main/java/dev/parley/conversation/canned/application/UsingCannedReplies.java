package dev.parley.conversation.canned.application;

import dev.parley.conversation.canned.domain.CannedReply;
import dev.parley.conversation.canned.domain.CannedTemplate;
import dev.parley.conversation.identity.domain.Caller;
import dev.parley.conversation.lifecycle.application.ConversationStore;
import dev.parley.conversation.lifecycle.application.AccessPolicy;
import dev.parley.conversation.shared.domain.Outcome;
import dev.parley.conversation.shared.domain.Rejection;
import dev.parley.conversation.shared.domain.UuidV7;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.regex.Pattern;
import reactor.core.publisher.Mono;

/**
 * Agents keep personal canned replies, admins team and global ones; in a conversation an agent
 * turns a {@code /shortcut} into text with its variables filled, then edits and sends it.
 */
public final class UsingCannedReplies {

    public static final String AGENTS_ONLY = "canned.agents_only";
    public static final String ADMIN_ONLY = "directory.admin_only";
    public static final String DEPARTMENT_NOT_FOUND = "department.not_found";
    public static final String INVALID = "canned.invalid";
    public static final String NOT_FOUND = "canned.not_found";
    private static final Pattern SHORTCUT = Pattern.compile("[a-z0-9][a-z0-9_-]{0,39}");

    private final CannedReplyStore store;
    private final ConversationStore conversations;
    private final AccessPolicy access;
    private final Clock clock;

    public UsingCannedReplies(CannedReplyStore store, ConversationStore conversations, AccessPolicy access, Clock clock) {
        this.store = store;
        this.conversations = conversations;
        this.access = access;
        this.clock = clock;
    }

    /** Personal unless {@code team}; team replies (admins only) belong to {@code departmentId}, or everyone when null. */
    public Mono<Outcome<CannedReply>> create(Caller caller, String shortcut, String body, boolean team, UUID departmentId) {
        if (!(caller instanceof Caller.Agent agent)) {
            return Mono.just(Outcome.rejected(AGENTS_ONLY, "canned replies are for agents"));
        }
        if (team && !agent.isAdmin()) {
            return Mono.just(Outcome.rejected(ADMIN_ONLY, "only admins keep team replies"));
        }
        return validated(shortcut, body, (name, text) -> {
            Instant now = clock.instant();
            var reply = new CannedReply(UuidV7.next(now), name, text, team ? null : agent.agentId(), team ? departmentId : null);
            return store.create(reply, now).map(saved -> outcomeOf(saved, name));
        });
    }

    /**
     * Changes a reply's shortcut, body and, for a team reply, department; its scope stays. A
     * personal reply is its owner's alone: another agent or an admin gets {@code canned.not_found}.
     */
    public Mono<Outcome<CannedReply>> edit(Caller caller, UUID id, String shortcut, String body, UUID departmentId) {
        if (!(caller instanceof Caller.Agent agent)) {
            return Mono.just(Outcome.rejected(AGENTS_ONLY, "canned replies are for agents"));
        }
        return validated(shortcut, body, (name, text) -> store.edit(id, name, text, departmentId, agent.agentId(), agent.isAdmin())
                .map(saved -> outcomeOf(saved, name)));
    }

    /** Every team reply, whichever departments the admin is in. */
    public Mono<Outcome<List<CannedReply>>> team(Caller caller) {
        if (!(caller instanceof Caller.Agent agent && agent.isAdmin())) {
            return Mono.just(Outcome.rejected(ADMIN_ONLY, "only admins keep team replies"));
        }
        return store.team().collectList().map(Outcome::accepted);
    }

    private static Mono<Outcome<CannedReply>> validated(String shortcut, String body,
                                                        BiFunction<String, String, Mono<Outcome<CannedReply>>> save) {
        String name = shortcut == null ? "" : shortcut.strip().replaceFirst("^/", "").toLowerCase();
        if (!SHORTCUT.matcher(name).matches()) {
            return Mono.just(Outcome.rejected(Rejection.invalid(INVALID, "shortcut", "1 to 40 of a-z, 0-9, - and _")));
        }
        if (body == null || body.isBlank() || body.length() > 4000) {
            return Mono.just(Outcome.rejected(Rejection.invalid(INVALID, "body", "a text of 1 to 4000 characters")));
        }
        return save.apply(name, body);
    }

    private static Outcome<CannedReply> outcomeOf(CannedReplyStore.Saved saved, String name) {
        if (saved instanceof CannedReplyStore.Saved.Done done) {
            return Outcome.accepted(done.reply());
        }
        if (saved instanceof CannedReplyStore.Saved.ShortcutTaken) {
            return Outcome.rejected(Rejection.invalid(INVALID, "shortcut", "/" + name + " exists already"));
        }
        if (saved instanceof CannedReplyStore.Saved.NoSuchDepartment) {
            return Outcome.rejected(Rejection.invalid(DEPARTMENT_NOT_FOUND, "departmentId", "no such department"));
        }
        return Outcome.rejected(NOT_FOUND, "no such canned reply of yours");
    }

    public Mono<Outcome<List<CannedReply>>> available(Caller caller, String prefix) {
        if (!(caller instanceof Caller.Agent agent)) {
            return Mono.just(Outcome.rejected(AGENTS_ONLY, "canned replies are for agents"));
        }
        String cleaned = prefix == null ? "" : prefix.strip().replaceFirst("^/", "").toLowerCase();
        return store.available(agent.agentId(), cleaned).collectList().map(Outcome::accepted);
    }

    /** The reply's text for this conversation, or which variable has no value there. */
    public Mono<Outcome<String>> render(Caller caller, UUID conversationId, String shortcut) {
        if (!(caller instanceof Caller.Agent agent)) {
            return Mono.just(Outcome.rejected(AGENTS_ONLY, "canned replies are for agents"));
        }
        String name = shortcut.strip().replaceFirst("^/", "").toLowerCase();
        return conversations.find(conversationId)
                .flatMap(conversation -> access.check(caller, conversation).flatMap(denied -> denied.isPresent()
                        ? Mono.just(Outcome.<String>rejected(denied.get()))
                        : store.resolve(agent.agentId(), name)
                                .flatMap(reply -> store.variables(conversationId, agent.agentId())
                                        .map(values -> CannedTemplate.render(reply.body(), values)))
                                .defaultIfEmpty(Outcome.rejected(NOT_FOUND, "no canned reply /" + name))))
                .defaultIfEmpty(Outcome.rejected(AccessPolicy.notFound()));
    }

    public Mono<Outcome<Boolean>> delete(Caller caller, UUID id) {
        if (!(caller instanceof Caller.Agent agent)) {
            return Mono.just(Outcome.rejected(AGENTS_ONLY, "canned replies are for agents"));
        }
        return store.delete(id, agent.agentId(), agent.isAdmin())
                .map(deleted -> deleted ? Outcome.accepted(true) : Outcome.rejected(NOT_FOUND, "no such canned reply of yours"));
    }
}
