package dev.parley.conversation.canned.application;

import dev.parley.conversation.canned.domain.CannedReply;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Canned replies, and the values their variables take in a conversation. */
public interface CannedReplyStore {

    /** What became of a create or an edit: the reply as stored, or why nothing was written. */
    sealed interface Saved {
        record Done(CannedReply reply) implements Saved {
        }

        /** Another reply of the same scope has that shortcut. */
        record ShortcutTaken() implements Saved {
        }

        /** The team reply names a department that does not exist. */
        record NoSuchDepartment() implements Saved {
        }

        /** No reply of that id the editor may change (see {@link #edit}). */
        record NotYours() implements Saved {
        }
    }

    Mono<Saved> create(CannedReply reply, Instant at);

    /**
     * Changes shortcut, body and (for a team reply) department, in one statement. A personal reply
     * is changed by its owner only, admins included; a team reply by admins only.
     */
    Mono<Saved> edit(UUID id, String shortcut, String body, UUID departmentId, UUID editorId, boolean admin);

    /** Replies an agent may use: their own, their departments', everyone's; shortcut prefix optional. */
    Flux<CannedReply> available(UUID agentId, String shortcutPrefix);

    /** Every team reply, of every department and everyone's, by shortcut: what admins keep. */
    Flux<CannedReply> team();

    /** The reply an agent gets for a shortcut: personal first, then a department's, then everyone's. */
    Mono<CannedReply> resolve(UUID agentId, String shortcut);

    /** True when deleted; the same rule as {@link #edit} decides who may. */
    Mono<Boolean> delete(UUID id, UUID editorId, boolean admin);

    /** {@code customer.name}, {@code customer.email}, {@code customer.<metadata key>}, {@code agent.name}. */
    Mono<Map<String, String>> variables(UUID conversationId, UUID agentId);
}
