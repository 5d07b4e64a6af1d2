package dev.parley.conversation.identity.adapter.jwt;

import dev.parley.conversation.identity.application.RecognizingAgent;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.authentication.ReactiveAuthenticationManagerResolver;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.JwtIssuerReactiveAuthenticationManagerResolver;
import org.springframework.security.oauth2.server.resource.authentication.JwtReactiveAuthenticationManager;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Picks the verifier by the token's (unverified) {@code iss}: our own issuer, or the configured
 * OIDC provider. Any other issuer is refused before any key is fetched; the chosen verifier then
 * checks the signature and every claim, issuer included.
 */
public final class BearerTokenAuthentication {

    private BearerTokenAuthentication() {
    }

    /** The OIDC provider accepted beside our own issuer. */
    public record OidcProvider(String issuerUri, ReactiveJwtDecoder decoder, RecognizingAgent recognizing, String emailClaim) {
    }

    public static ReactiveAuthenticationManagerResolver<ServerWebExchange> byIssuer(
            String ownIssuer, RememberingJwtDecoder ownTokens, Optional<OidcProvider> oidc) {
        Map<String, ReactiveAuthenticationManager> managers = new HashMap<>();
        JwtReactiveAuthenticationManager own = new JwtReactiveAuthenticationManager(ownTokens);
        own.setJwtAuthenticationConverter(jwt -> Mono.fromCallable(() -> new CallerAuthentication(ClaimsToCaller.callerOf(jwt), jwt)));
        managers.put(ownIssuer, own);
        oidc.ifPresent(provider -> {
            JwtReactiveAuthenticationManager external = new JwtReactiveAuthenticationManager(provider.decoder());
            external.setJwtAuthenticationConverter(new OidcAgentAuthentication(provider.recognizing(), provider.emailClaim()));
            managers.put(provider.issuerUri(), external);
        });
        Map<String, ReactiveAuthenticationManager> trusted = Map.copyOf(managers);
        var byIssuer = new JwtIssuerReactiveAuthenticationManagerResolver(issuer -> Mono.justOrEmpty(trusted.get(issuer)));
        // a token verified here a moment ago is ours: no need to parse it for its issuer again
        return exchange -> Mono.just(authentication ->
                authentication instanceof BearerTokenAuthenticationToken bearer && ownTokens.remembers(bearer.getToken())
                        ? own.authenticate(authentication)
                        : byIssuer.resolve(exchange).flatMap(manager -> manager.authenticate(authentication)));
    }
}
