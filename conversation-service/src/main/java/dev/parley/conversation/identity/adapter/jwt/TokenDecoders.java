package dev.parley.conversation.identity.adapter.jwt;

import com.nimbusds.jose.jwk.JWK;
import dev.parley.conversation.identity.domain.TokenRole;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtAudienceValidator;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtTypeValidator;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

/**
 * The decoders that verify bearer tokens: signature first (RS256 only, so {@code alg: none} and
 * HMAC tricks fail), then issuer, audience, expiry and, for ours, the Parley claims.
 */
public final class TokenDecoders {

    private static final List<String> ROLES = Arrays.stream(TokenRole.values()).map(Enum::name).toList();

    private TokenDecoders() {
    }

    /** Tokens this service issued, verified against the shared keys of the ring. */
    public static ReactiveJwtDecoder ownTokens(SigningKeyRing keys, String issuer, String audience, Clock clock, Duration clockSkew) {
        NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder
                .withJwkSource(jwt -> keys.verificationKey(jwt.getHeader().getKeyID()).cast(JWK.class).flux())
                .build();
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                JwtTypeValidator.jwt(),
                new NotExpired(clock, clockSkew),
                timestamps(clock, clockSkew),
                new JwtIssuerValidator(issuer),
                new JwtAudienceValidator(audience),
                new JwtClaimValidator<String>(JwtClaimNames.SUB, Objects::nonNull),
                new JwtClaimValidator<String>(ParleyClaims.ROLE, ROLES::contains)));
        return decoder;
    }

    /**
     * Tokens of an OpenID Connect provider: its keys come from its discovery document, fetched on
     * first use (the service starts even when the provider is down).
     */
    public static ReactiveJwtDecoder oidcTokens(String issuerUri, String audience, Clock clock, Duration clockSkew) {
        NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withIssuerLocation(issuerUri).build();
        List<OAuth2TokenValidator<Jwt>> validators = List.of(
                new NotExpired(clock, clockSkew),
                timestamps(clock, clockSkew),
                new JwtIssuerValidator(issuerUri),
                new JwtAudienceValidator(audience));
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(validators));
        return decoder;
    }

    private static JwtTimestampValidator timestamps(Clock clock, Duration clockSkew) {
        JwtTimestampValidator timestamps = new JwtTimestampValidator(clockSkew);
        timestamps.setClock(clock);
        return timestamps;
    }
}
