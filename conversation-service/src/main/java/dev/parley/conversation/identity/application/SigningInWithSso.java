package dev.parley.conversation.identity.application;

import dev.parley.conversation.identity.domain.AuthorizationCode;
import dev.parley.conversation.identity.domain.Caller;
import dev.parley.conversation.identity.domain.ProvidedIdentity;
import dev.parley.conversation.identity.domain.SsoSettings;
import dev.parley.conversation.shared.domain.Outcome;
import java.util.Optional;
import reactor.core.publisher.Mono;

/**
 * An agent signs in at the team's identity provider and brings back an authorization code, which
 * becomes a Parley session exactly like a password login's: the provider vouches for an email, and
 * the (active) agent with that email gets an access and a refresh token. A refusal at any step
 * opens no session.
 */
public final class SigningInWithSso {

    public static final String DISABLED = "auth.sso_disabled";

    private final Optional<IdentityProvider> provider;
    private final RecognizingAgent recognizing;
    private final AgentSessions sessions;

    /** @param provider empty when no provider (or no client id) is configured */
    public SigningInWithSso(Optional<IdentityProvider> provider, RecognizingAgent recognizing, AgentSessions sessions) {
        this.provider = provider;
        this.recognizing = recognizing;
        this.sessions = sessions;
    }

    public boolean enabled() {
        return provider.isPresent();
    }

    public Mono<Outcome<SsoSettings>> settings() {
        return provider.map(IdentityProvider::settings).orElseGet(() -> Mono.just(disabled()));
    }

    /** The code as the console posts it; see {@link AuthorizationCode#of} for what is checked before the provider is asked. */
    public Mono<Outcome<AgentTokens>> signIn(String code, String codeVerifier, String redirectUri, String nonce) {
        if (provider.isEmpty()) {
            return Mono.just(disabled());
        }
        Outcome<AuthorizationCode> request = AuthorizationCode.of(code, codeVerifier, redirectUri, nonce);
        if (request instanceof Outcome.Rejected<AuthorizationCode> invalid) {
            return Mono.just(Outcome.rejected(invalid.rejection()));
        }
        return provider.get().redeem(((Outcome.Accepted<AuthorizationCode>) request).value()).flatMap(redeemed -> {
            if (redeemed instanceof Outcome.Accepted<ProvidedIdentity> person) {
                return recognizing.byEmail(person.value().vouchedEmail().orElse(null)).flatMap(this::open);
            }
            return Mono.just(Outcome.rejected(((Outcome.Rejected<ProvidedIdentity>) redeemed).rejection()));
        });
    }

    private Mono<Outcome<AgentTokens>> open(Outcome<Caller.Agent> agent) {
        if (agent instanceof Outcome.Accepted<Caller.Agent> accepted) {
            return sessions.open(accepted.value()).map(Outcome::accepted);
        }
        return Mono.just(Outcome.rejected(((Outcome.Rejected<Caller.Agent>) agent).rejection()));
    }

    private static <T> Outcome<T> disabled() {
        return Outcome.rejected(DISABLED, "Single sign-on is not configured (parley.identity.oidc.issuer-uri and client-id).");
    }
}
