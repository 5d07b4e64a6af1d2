package dev.parley.conversation.identity.application;

import dev.parley.conversation.identity.domain.IssuedToken;
import dev.parley.conversation.identity.domain.RefreshTokenSecret;
import java.time.Instant;
import java.util.Objects;

/** What an agent's client holds after login or refresh: a short-lived access token and the refresh token to renew it. */
public record AgentTokens(IssuedToken accessToken, RefreshTokenSecret refreshToken, Instant refreshExpiresAt) {

    public AgentTokens {
        Objects.requireNonNull(accessToken, "accessToken");
        Objects.requireNonNull(refreshToken, "refreshToken");
        Objects.requireNonNull(refreshExpiresAt, "refreshExpiresAt");
    }
}
