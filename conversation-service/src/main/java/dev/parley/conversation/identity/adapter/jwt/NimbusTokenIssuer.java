package dev.parley.conversation.identity.adapter.jwt;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.parley.conversation.identity.application.TokenIssuer;
import dev.parley.conversation.identity.domain.AllowedOrigins;
import dev.parley.conversation.identity.domain.Caller;
import dev.parley.conversation.identity.domain.IssuedToken;
import dev.parley.conversation.identity.domain.TokenLifetimes;
import dev.parley.conversation.identity.domain.TokenRole;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.UUID;
import java.util.function.Consumer;
import reactor.core.publisher.Mono;

/** Signs Parley tokens (RS256) with the newest key of the ring. */
public final class NimbusTokenIssuer implements TokenIssuer {

    private final SigningKeyRing keys;
    private final TokenLifetimes lifetimes;
    private final String issuer;
    private final String audience;
    private final Clock clock;

    public NimbusTokenIssuer(SigningKeyRing keys, TokenLifetimes lifetimes, String issuer, String audience, Clock clock) {
        this.keys = keys;
        this.lifetimes = lifetimes;
        this.issuer = issuer;
        this.audience = audience;
        this.clock = clock;
    }

    @Override
    public Mono<IssuedToken> issue(Caller caller) {
        return issue(caller, claims -> { });
    }

    @Override
    public Mono<IssuedToken> issue(Caller.Customer customer, AllowedOrigins origins) {
        return issue(customer, claims -> claims.claim(ParleyClaims.ORIGINS, origins.origins()));
    }

    private Mono<IssuedToken> issue(Caller caller, Consumer<JWTClaimsSet.Builder> extra) {
        // JWT times are whole seconds; truncating keeps expiresAt equal to the exp claim.
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Instant expiresAt = now.plus(lifetimes.of(caller));
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .audience(audience)
                .subject(subjectOf(caller))
                .claim(ParleyClaims.ROLE, TokenRole.of(caller).name())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(expiresAt))
                .jwtID(UUID.randomUUID().toString());
        if (caller instanceof Caller.Customer customer) {
            claims.claim(ParleyClaims.INBOX, customer.inboxId().toString());
        }
        extra.accept(claims);
        return sign(claims.build()).map(token -> new IssuedToken(token, expiresAt));
    }

    /** Signs any claims with the current key; tests use it to build tokens the issuer never would. */
    public Mono<String> sign(JWTClaimsSet claims) {
        return keys.signingKey().map(key -> serialize(key, claims));
    }

    private static String serialize(RSAKey key, JWTClaimsSet claims) {
        JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).type(JOSEObjectType.JWT).build();
        SignedJWT jwt = new SignedJWT(header, claims);
        try {
            jwt.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException("Could not sign with key " + key.getKeyID(), e);
        }
        return jwt.serialize();
    }

    private static String subjectOf(Caller caller) {
        if (caller instanceof Caller.Customer customer) {
            return customer.customerId().toString();
        }
        if (caller instanceof Caller.Agent agent) {
            return agent.agentId().toString();
        }
        return ((Caller.Service) caller).name();
    }
}
