package dev.parley.conversation.identity.application;

import dev.parley.conversation.identity.domain.AuthorizationCode;
import dev.parley.conversation.identity.domain.ProvidedIdentity;
import dev.parley.conversation.identity.domain.SsoSettings;
import dev.parley.conversation.shared.domain.Outcome;
import reactor.core.publisher.Mono;

/**
 * The OpenID Connect provider agents sign in at. Every answer is an outcome, never an error signal:
 * a provider that cannot be reached is an expected case ({@link #UNAVAILABLE}), and nothing of
 * Parley changes on any of them.
 */
public interface IdentityProvider {

    /** The provider did not answer, or answered something that is not OpenID Connect. */
    String UNAVAILABLE = "auth.sso_provider_unavailable";
    /** The provider refused the code: unknown, used, expired, another redirect URI, or a verifier that does not match its challenge. */
    String CODE_INVALID = "auth.sso_code_invalid";
    /** The provider's answer carried no id token that passes: signature, issuer, audience, expiry or nonce. */
    String ID_TOKEN_INVALID = "auth.sso_token_invalid";

    /** Where to send a browser to sign in, from the provider's discovery document. */
    Mono<Outcome<SsoSettings>> settings();

    /**
     * Redeems the code at the provider's token endpoint (once: a provider spends a code on its first
     * use, whatever the outcome) and verifies the id token it answers.
     */
    Mono<Outcome<ProvidedIdentity>> redeem(AuthorizationCode code);
}
