package dev.parley.conversation.identity.adapter.jwt;

import dev.parley.conversation.identity.domain.Caller;
import reactor.core.publisher.Mono;

/**
 * Parley's own tokens turned into their {@link Caller}, outside an HTTP request: for callers in the
 * same process (standalone's gateway) that must be checked exactly as a request's bearer token is,
 * through the same verifier and its memory of tokens verified a moment ago.
 */
public final class OwnTokens {

    private final RememberingJwtDecoder decoder;

    public OwnTokens(RememberingJwtDecoder decoder) {
        this.decoder = decoder;
    }

    /** The token's caller; errors with Spring Security's {@code JwtException} when it is not valid. */
    public Mono<Caller> callerOf(String token) {
        return decoder.decode(token).map(ClaimsToCaller::callerOf);
    }
}
