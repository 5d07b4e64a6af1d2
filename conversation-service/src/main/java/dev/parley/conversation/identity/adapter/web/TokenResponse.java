package dev.parley.conversation.identity.adapter.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.parley.conversation.identity.application.AgentTokens;
import dev.parley.conversation.identity.domain.IssuedToken;
import java.time.Clock;
import java.time.Duration;

/**
 * A token grant, shaped like OAuth 2's (RFC 6749 §5.1) so OAuth client libraries read it.
 *
 * @param expiresIn seconds until the access token expires
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TokenResponse(String accessToken, String tokenType, long expiresIn, String refreshToken) {

    static TokenResponse of(AgentTokens tokens, Clock clock) {
        return new TokenResponse(tokens.accessToken().value(), "Bearer", secondsLeft(tokens.accessToken(), clock),
                tokens.refreshToken().value());
    }

    static TokenResponse of(IssuedToken token, Clock clock) {
        return new TokenResponse(token.value(), "Bearer", secondsLeft(token, clock), null);
    }

    private static long secondsLeft(IssuedToken token, Clock clock) {
        return Math.max(0, Duration.between(clock.instant(), token.expiresAt()).toSeconds());
    }
}
