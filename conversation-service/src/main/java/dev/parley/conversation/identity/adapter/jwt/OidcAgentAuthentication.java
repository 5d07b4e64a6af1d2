package dev.parley.conversation.identity.adapter.jwt;

import dev.parley.conversation.identity.application.RecognizingAgent;
import dev.parley.conversation.identity.domain.Caller;
import dev.parley.conversation.shared.domain.Outcome;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.oauth2.jwt.Jwt;
import reactor.core.publisher.Mono;

/**
 * Turns a verified token of the OIDC provider into the Parley agent with the same email. An email
 * the provider marks unverified ({@code email_verified: false}) proves nothing and is refused.
 */
final class OidcAgentAuthentication implements Converter<Jwt, Mono<CallerAuthentication>> {

    private static final String EMAIL_VERIFIED = "email_verified";

    private final RecognizingAgent recognizing;
    private final String emailClaim;

    OidcAgentAuthentication(RecognizingAgent recognizing, String emailClaim) {
        this.recognizing = recognizing;
        this.emailClaim = emailClaim;
    }

    @Override
    public Mono<CallerAuthentication> convert(Jwt jwt) {
        String email = jwt.getClaimAsString(emailClaim);
        if (email == null || Boolean.FALSE.equals(jwt.getClaimAsBoolean(EMAIL_VERIFIED))) {
            return Mono.error(new UnknownAgentException("The token carries no verified " + emailClaim));
        }
        return recognizing.byEmail(email).flatMap(outcome -> {
            if (outcome instanceof Outcome.Accepted<Caller.Agent> accepted) {
                return Mono.just(new CallerAuthentication(accepted.value(), jwt));
            }
            return Mono.error(new UnknownAgentException(((Outcome.Rejected<Caller.Agent>) outcome).rejection().message()));
        });
    }
}
