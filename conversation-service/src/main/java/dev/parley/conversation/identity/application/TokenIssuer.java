package dev.parley.conversation.identity.application;

import dev.parley.conversation.identity.domain.Caller;
import dev.parley.conversation.identity.domain.IssuedToken;
import reactor.core.publisher.Mono;

/** Signs Parley tokens that every service verifies locally against this service's JWKS. */
public interface TokenIssuer {

    /** A token proving {@code caller}, living as long as configured for its kind of caller. */
    Mono<IssuedToken> issue(Caller caller);
}
