package dev.parley.gateway.auth.adapter.jwt;

import dev.parley.gateway.auth.application.Tokens;
import dev.parley.gateway.session.domain.Principal;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtAudienceValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.web.reactive.function.client.WebClientException;
import reactor.core.publisher.Mono;

/**
 * Verifies a socket's token locally: RS256 signature against conversation-service's JWKS (fetched
 * once, refetched when a token names an unknown key), issuer, audience, expiry; then maps the
 * Parley claims ({@code role}, {@code inbox}) to a {@link Principal}. Service tokens are refused:
 * services do not open sockets.
 */
public final class TokenVerifier implements Tokens {

    /** conversation-service's {@code ParleyClaims.ORIGINS}. */
    private static final String ORIGINS = "origins";

    private final ReactiveJwtDecoder decoder;

    public TokenVerifier(ReactiveJwtDecoder decoder) {
        this.decoder = decoder;
    }

    public static TokenVerifier againstJwks(String jwksUri, String issuer, String audience) {
        NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withJwkSetUri(jwksUri)
                .jwsAlgorithm(SignatureAlgorithm.RS256).build();
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                JwtValidators.createDefaultWithIssuer(issuer), new JwtAudienceValidator(audience)));
        return new TokenVerifier(decoder);
    }

    @Override
    public Mono<Verified> check(String token) {
        if (token == null || token.isBlank()) {
            return Mono.error(new Refused("hello needs a token", null, false));
        }
        return decoder.decode(token)
                .onErrorMap(error -> keysUnreachable(error) ? new KeysUnavailable(error)
                        : new Refused("the token is not valid: " + error.getMessage(), error, false))
                .map(jwt -> new Verified(principal(jwt), jwt.getExpiresAt(), origins(jwt)));
    }

    private static List<String> origins(Jwt jwt) {
        Object claim = jwt.getClaims().get(ORIGINS);
        if (!(claim instanceof List<?> list)) {
            return null;
        }
        return list.stream().map(String::valueOf).toList();
    }

    private static boolean keysUnreachable(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof WebClientException || cause instanceof IOException) {
                return true;
            }
        }
        return false;
    }

    private static Principal principal(Jwt jwt) {
        String role = jwt.getClaimAsString("role");
        Principal.Role parsed;
        try {
            parsed = Principal.Role.valueOf(String.valueOf(role));
        } catch (IllegalArgumentException e) {
            throw new Refused("a " + role + " token cannot open a socket", e, true);
        }
        String inbox = jwt.getClaimAsString("inbox");
        try {
            return new Principal(UUID.fromString(jwt.getSubject()), parsed,
                    inbox == null ? null : UUID.fromString(inbox), Set.of());
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new Refused("the token's subject is not a user id", e, false);
        }
    }
}
