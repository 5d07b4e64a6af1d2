package dev.parley.conversation.identity.adapter.jwt;

import dev.parley.conversation.identity.application.TokenReader;
import dev.parley.conversation.identity.domain.Caller;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

/** Reads back our own tokens with the same decoder that guards the API. */
public final class NimbusTokenReader implements TokenReader {

    private final ReactiveJwtDecoder ownTokens;

    public NimbusTokenReader(ReactiveJwtDecoder ownTokens) {
        this.ownTokens = ownTokens;
    }

    @Override
    public Mono<Caller> callerOf(String token) {
        return ownTokens.decode(token)
                .map(ClaimsToCaller::callerOf)
                .onErrorResume(JwtException.class, invalid -> Mono.empty());
    }
}
