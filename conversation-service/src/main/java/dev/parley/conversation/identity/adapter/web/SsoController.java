package dev.parley.conversation.identity.adapter.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.parley.conversation.identity.application.IdentityProvider;
import dev.parley.conversation.identity.application.LoginThrottle;
import dev.parley.conversation.identity.application.RecognizingAgent;
import dev.parley.conversation.identity.application.SigningInWithSso;
import dev.parley.conversation.identity.domain.AuthorizationCode;
import dev.parley.conversation.identity.domain.SsoSettings;
import dev.parley.conversation.shared.domain.Outcome;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * Single sign-on for the console: what it needs to send an agent to the identity provider, and the
 * exchange of the code it brings back for a Parley session (the same grant as a password login).
 */
@RestController
public class SsoController {

    private static final Map<String, HttpStatus> STATUSES = Map.of(
            SigningInWithSso.DISABLED, HttpStatus.NOT_FOUND,
            AuthorizationCode.INVALID, HttpStatus.BAD_REQUEST,
            IdentityProvider.CODE_INVALID, HttpStatus.BAD_REQUEST,
            IdentityProvider.ID_TOKEN_INVALID, HttpStatus.UNAUTHORIZED,
            RecognizingAgent.UNKNOWN_AGENT, HttpStatus.UNAUTHORIZED,
            IdentityProvider.UNAVAILABLE, HttpStatus.BAD_GATEWAY);

    private final SigningInWithSso signingIn;
    private final LoginThrottle throttle;
    private final ClientAddress clientAddress;
    private final Clock clock;

    public SsoController(SigningInWithSso signingIn, LoginThrottle throttle, ClientAddress clientAddress, Clock clock) {
        this.signingIn = signingIn;
        this.throttle = throttle;
        this.clientAddress = clientAddress;
        this.clock = clock;
    }

    /** Off: {@code {"enabled": false}} and nothing else, so the console just shows no button. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record SsoView(boolean enabled, String issuer, String authorizationEndpoint, String clientId, List<String> scopes) {

        static SsoView of(SsoSettings settings) {
            return new SsoView(true, settings.issuer(), settings.authorizationEndpoint(), settings.clientId(), settings.scopes());
        }
    }

    /** @param nonce the authorization request's nonce, which the id token must carry; optional */
    public record TokenRequest(String code, String codeVerifier, String redirectUri, String nonce) {
    }

    @GetMapping("/api/v1/auth/sso")
    public Mono<SsoView> sso() {
        if (!signingIn.enabled()) {
            return Mono.just(new SsoView(false, null, null, null, null));
        }
        return signingIn.settings().flatMap(outcome -> Outcomes.valueOf(outcome, STATUSES)).map(SsoView::of);
    }

    @PostMapping("/api/v1/auth/sso/token")
    public Mono<ResponseEntity<TokenResponse>> token(@RequestBody TokenRequest body, ServerHttpRequest request) {
        // Per address, as for password logins: every attempt costs a call to the provider.
        String client = clientAddress.of(request);
        Optional<Duration> wait = throttle.admitClient(client);
        if (wait.isPresent()) {
            return Mono.error(AuthController.rateLimited(wait.get()));
        }
        return signingIn.signIn(body.code(), body.codeVerifier(), body.redirectUri(), body.nonce())
                .doOnNext(outcome -> {
                    if (outcome instanceof Outcome.Accepted<?>) {
                        throttle.succeededClient(client);
                    }
                })
                .flatMap(outcome -> Outcomes.valueOf(outcome, STATUSES))
                .map(tokens -> AuthController.noStore(TokenResponse.of(tokens, clock)));
    }
}
