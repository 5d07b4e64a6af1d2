package dev.parley.conversation.identity.adapter.jwt;

import java.util.Map;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.authentication.ReactiveAuthenticationManagerResolver;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtIssuerReactiveAuthenticationManagerResolver;
import org.springframework.security.oauth2.server.resource.authentication.JwtReactiveAuthenticationManager;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Picks the verifier by the token's (unverified) {@code iss}: our own issuer. Any other issuer is
 * refused before any key is fetched; the verifier then checks the signature and every claim,
 * issuer included.
 */
public final class BearerTokenAuthentication {

    private BearerTokenAuthentication() {
    }

    public static ReactiveAuthenticationManagerResolver<ServerWebExchange> byIssuer(String ownIssuer, ReactiveJwtDecoder ownTokens) {
        JwtReactiveAuthenticationManager own = new JwtReactiveAuthenticationManager(ownTokens);
        own.setJwtAuthenticationConverter(jwt -> Mono.fromCallable(() -> new CallerAuthentication(ClaimsToCaller.callerOf(jwt), jwt)));
        Map<String, ReactiveAuthenticationManager> trusted = Map.of(ownIssuer, own);
        return new JwtIssuerReactiveAuthenticationManagerResolver(issuer -> Mono.justOrEmpty(trusted.get(issuer)));
    }
}
