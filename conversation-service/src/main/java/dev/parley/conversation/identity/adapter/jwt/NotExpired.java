package dev.parley.conversation.identity.adapter.jwt;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;

/** Refuses a token without {@code exp}, and one past it (give or take the clock skew) with an {@link ExpiredTokenError}. */
final class NotExpired implements OAuth2TokenValidator<Jwt> {

    private final Clock clock;
    private final Duration clockSkew;

    NotExpired(Clock clock, Duration clockSkew) {
        this.clock = clock;
        this.clockSkew = clockSkew;
    }

    @Override
    public OAuth2TokenValidatorResult validate(Jwt token) {
        Instant expiresAt = token.getExpiresAt();
        if (expiresAt == null) {
            return OAuth2TokenValidatorResult.failure(new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN, "exp is required", null));
        }
        if (!clock.instant().minus(clockSkew).isBefore(expiresAt)) {
            return OAuth2TokenValidatorResult.failure(new ExpiredTokenError());
        }
        return OAuth2TokenValidatorResult.success();
    }
}
