package dev.parley.conversation.directory.application;

import java.time.Instant;
import java.util.UUID;
import reactor.core.publisher.Mono;

/**
 * One-time links that let an agent set their password (an invitation, a reset). Only a hash of a
 * token is stored. {@link #consume} is atomic: of two concurrent uses of one token, one wins.
 */
public interface AgentLinks {

    enum Purpose { INVITE, RESET }

    /** Stores a new link and spends every earlier unused link of the agent, so only the newest works. */
    Mono<Void> issue(byte[] tokenHash, UUID agentId, Purpose purpose, Instant at, Instant expiresAt);

    /** Spends the link and returns its agent; empty when it is unknown, spent or expired at {@code now}. */
    Mono<UUID> consume(byte[] tokenHash, Instant now);
}
