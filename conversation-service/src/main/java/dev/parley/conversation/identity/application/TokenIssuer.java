package dev.parley.conversation.identity.application;

import dev.parley.conversation.identity.domain.AllowedOrigins;
import dev.parley.conversation.identity.domain.Caller;
import dev.parley.conversation.identity.domain.IssuedToken;
import reactor.core.publisher.Mono;

/** Signs Parley tokens that every service verifies locally against this service's JWKS. */
public interface TokenIssuer {

    /** A token proving {@code caller}, living as long as configured for its kind of caller. */
    Mono<IssuedToken> issue(Caller caller);

    /**
     * A widget's customer token that also names the origins its inbox allows, so the gateway can
     * check a socket's {@code Origin} without asking this service (docs/protocol.md, Connecting).
     */
    Mono<IssuedToken> issue(Caller.Customer customer, AllowedOrigins origins);
}
