package dev.parley.conversation.identity.application;

import dev.parley.conversation.identity.domain.Caller;
import reactor.core.publisher.Mono;

/** Reads back a token this service issued. */
public interface TokenReader {

    /**
     * The caller {@code token} proves; empty when it is not a valid token of this service
     * (bad signature, expired, other issuer or audience, malformed). Never an error for a bad token.
     */
    Mono<Caller> callerOf(String token);
}
