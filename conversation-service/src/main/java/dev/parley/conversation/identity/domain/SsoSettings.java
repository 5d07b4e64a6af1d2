package dev.parley.conversation.identity.domain;

import java.util.List;
import java.util.Objects;

/**
 * What a browser needs to send an agent to the identity provider (OAuth 2.0 authorization code
 * flow with PKCE): where to, as which client, asking for which scopes. Nothing secret.
 */
public record SsoSettings(String issuer, String authorizationEndpoint, String clientId, List<String> scopes) {

    public SsoSettings {
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(authorizationEndpoint, "authorizationEndpoint");
        Objects.requireNonNull(clientId, "clientId");
        scopes = List.copyOf(scopes);
    }
}
