package dev.parley.conversation.identity.application;

import dev.parley.conversation.identity.domain.IssuedToken;
import dev.parley.conversation.identity.domain.ServiceClients;
import dev.parley.conversation.shared.domain.Outcome;
import reactor.core.publisher.Mono;

/** The gateway or the worker trades its configured client id and secret for a short-lived SERVICE token. */
public final class IssuingServiceToken {

    public static final String INVALID_CLIENT = "auth.invalid_client";

    private final ServiceClients clients;
    private final TokenIssuer issuer;

    public IssuingServiceToken(ServiceClients clients, TokenIssuer issuer) {
        this.clients = clients;
        this.issuer = issuer;
    }

    public Mono<Outcome<IssuedToken>> issue(String clientId, String clientSecret) {
        return clients.authenticate(clientId, clientSecret)
                .map(service -> issuer.issue(service).map(Outcome::accepted))
                .orElseGet(() -> Mono.just(Outcome.rejected(INVALID_CLIENT, "Unknown client or wrong secret.")));
    }
}
