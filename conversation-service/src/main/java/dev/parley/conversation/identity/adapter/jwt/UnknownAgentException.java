package dev.parley.conversation.identity.adapter.jwt;

import org.springframework.security.core.AuthenticationException;

/** A valid token of the OIDC provider whose person is no Parley agent: 401 {@code auth.agent_unknown}. */
public final class UnknownAgentException extends AuthenticationException {

    private static final long serialVersionUID = 1L;

    UnknownAgentException(String message) {
        super(message);
    }
}
