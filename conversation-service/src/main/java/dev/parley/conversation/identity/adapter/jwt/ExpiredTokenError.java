package dev.parley.conversation.identity.adapter.jwt;

import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;

/**
 * The validation error of an expired token, a type of its own so the 401 can say
 * {@code auth.token_expired} (renew it) rather than {@code auth.token_invalid} (start over).
 */
public final class ExpiredTokenError extends OAuth2Error {

    private static final long serialVersionUID = 1L;

    ExpiredTokenError() {
        super(OAuth2ErrorCodes.INVALID_TOKEN, "The token has expired", null);
    }

    /** Whether {@code failure}, or one of its causes, is a token's validation failing on its expiry. */
    public static boolean isIn(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof JwtValidationException invalid
                    && invalid.getErrors().stream().anyMatch(ExpiredTokenError.class::isInstance)) {
                return true;
            }
        }
        return false;
    }
}
