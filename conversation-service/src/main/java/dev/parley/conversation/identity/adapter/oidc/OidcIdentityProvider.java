package dev.parley.conversation.identity.adapter.oidc;

import dev.parley.conversation.identity.application.IdentityProvider;
import dev.parley.conversation.identity.domain.AuthorizationCode;
import dev.parley.conversation.identity.domain.ProvidedIdentity;
import dev.parley.conversation.identity.domain.SsoSettings;
import dev.parley.conversation.shared.domain.Outcome;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;

/**
 * The provider over HTTP: its discovery document for the endpoints, its token endpoint for the
 * code (server side, so a client secret, if the provider wants one, never reaches a browser), and
 * the id token it answers verified by {@code idTokens} (signature against the provider's JWKS,
 * issuer, audience = our client id, expiry), then the nonce and, with several audiences, {@code azp}
 * (OpenID Connect Core §3.1.3.7) here.
 */
public final class OidcIdentityProvider implements IdentityProvider {

    /** The client and how it authenticates at the token endpoint; {@code secret} empty: a public client (PKCE alone). */
    public record Client(String issuerUri, String clientId, String secret, List<String> scopes, String emailClaim) {

        public Client {
            Objects.requireNonNull(issuerUri, "issuerUri");
            Objects.requireNonNull(clientId, "clientId");
            Objects.requireNonNull(secret, "secret");
            scopes = List.copyOf(scopes);
            Objects.requireNonNull(emailClaim, "emailClaim");
        }

        @Override
        public String toString() {
            return "Client[issuerUri=" + issuerUri + ", clientId=" + clientId + ", secret=***]";
        }
    }

    /**
     * A provider's endpoints change with its deployment, not by the minute: an hour saves a round
     * trip per sign-in and still follows a move the same morning. Failures are not kept.
     */
    private static final Duration DISCOVERY_KEPT = Duration.ofHours(1);
    /** A sign-in waits on the provider; past this the agent gets an answer (unavailable) instead of a spinner. */
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
    private static final ParameterizedTypeReference<Map<String, Object>> JSON_OBJECT = new ParameterizedTypeReference<>() {
    };
    private static final Logger log = LoggerFactory.getLogger(OidcIdentityProvider.class);

    private final Client client;
    private final WebClient http;
    private final ReactiveJwtDecoder idTokens;
    private final Mono<Map<String, Object>> discovery;

    public OidcIdentityProvider(Client client, WebClient http, ReactiveJwtDecoder idTokens) {
        this.client = client;
        this.http = http;
        this.idTokens = idTokens;
        this.discovery = fetchDiscovery().cache(document -> DISCOVERY_KEPT, failure -> Duration.ZERO, () -> Duration.ZERO);
    }

    @Override
    public Mono<Outcome<SsoSettings>> settings() {
        return discovery
                .map(document -> Outcome.accepted(new SsoSettings(client.issuerUri(),
                        (String) document.get("authorization_endpoint"), client.clientId(), client.scopes())))
                .onErrorResume(failure -> Mono.just(unavailable(failure)));
    }

    @Override
    public Mono<Outcome<ProvidedIdentity>> redeem(AuthorizationCode code) {
        return discovery
                .flatMap(document -> exchange((String) document.get("token_endpoint"), code))
                .onErrorResume(failure -> Mono.just(unavailable(failure)));
    }

    private Mono<Map<String, Object>> fetchDiscovery() {
        String location = client.issuerUri().replaceAll("/+$", "") + "/.well-known/openid-configuration";
        return http.get().uri(location).accept(MediaType.APPLICATION_JSON)
                .retrieve().bodyToMono(JSON_OBJECT)
                .timeout(REQUEST_TIMEOUT)
                .handle((document, sink) -> {
                    // OpenID Connect Discovery §4.3: a document naming another issuer is not this provider's.
                    if (!client.issuerUri().equals(document.get("issuer"))) {
                        sink.error(new IllegalStateException("the discovery document names the issuer " + document.get("issuer")));
                    } else if (!(document.get("authorization_endpoint") instanceof String) || !(document.get("token_endpoint") instanceof String)) {
                        sink.error(new IllegalStateException("the discovery document names no authorization or token endpoint"));
                    } else {
                        sink.next(document);
                    }
                });
    }

    private Mono<Outcome<ProvidedIdentity>> exchange(String tokenEndpoint, AuthorizationCode code) {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("grant_type", "authorization_code");
        form.add("code", code.code());
        form.add("redirect_uri", code.redirectUri());
        form.add("client_id", client.clientId());
        form.add("code_verifier", code.codeVerifier());
        return http.post().uri(tokenEndpoint)
                .accept(MediaType.APPLICATION_JSON)
                .headers(headers -> {
                    if (!client.secret().isEmpty()) {
                        // client_secret_basic, the method every provider must support (RFC 6749 §2.3.1)
                        headers.setBasicAuth(formEncoded(client.clientId()), formEncoded(client.secret()));
                    }
                })
                .body(BodyInserters.fromFormData(form))
                .exchangeToMono(response -> response.bodyToMono(JSON_OBJECT).defaultIfEmpty(Map.of())
                        .map(body -> new TokenAnswer(response.statusCode().value(), body)))
                .timeout(REQUEST_TIMEOUT)
                .flatMap(answer -> answer.status() == 200 ? verify(answer.body(), code) : Mono.just(refusal(answer)));
    }

    private record TokenAnswer(int status, Map<String, Object> body) {
    }

    /** The provider's refusal of a code (RFC 6749 §5.2); a refusal of us as a client is our configuration's fault. */
    private Outcome<ProvidedIdentity> refusal(TokenAnswer answer) {
        Object error = answer.body().get("error");
        if (answer.status() == 400 && !"invalid_client".equals(error) && !"unauthorized_client".equals(error)) {
            log.debug("The provider refused a code: {} {}", answer.status(), error);
            return Outcome.rejected(CODE_INVALID, "The identity provider refused the sign-in code (" + error + "); sign in again.");
        }
        log.warn("The provider's token endpoint answered {} {}: check parley.identity.oidc.client-id and client-secret",
                answer.status(), error);
        return Outcome.rejected(UNAVAILABLE, "The identity provider did not accept Parley's request; an administrator must check the configuration.");
    }

    private Mono<Outcome<ProvidedIdentity>> verify(Map<String, Object> body, AuthorizationCode code) {
        if (!(body.get("id_token") instanceof String idToken)) {
            return Mono.just(Outcome.rejected(ID_TOKEN_INVALID, "The identity provider answered no id token; is the openid scope requested?"));
        }
        return idTokens.decode(idToken)
                .map(jwt -> check(jwt, code))
                .onErrorResume(JwtException.class, failure -> {
                    log.debug("Refused an id token: {}", failure.getMessage());
                    return Mono.just(Outcome.rejected(ID_TOKEN_INVALID, "The identity provider's id token is not valid."));
                });
    }

    private Outcome<ProvidedIdentity> check(Jwt jwt, AuthorizationCode code) {
        if (code.nonce().isPresent() && !code.nonce().get().equals(jwt.getClaimAsString("nonce"))) {
            return Outcome.rejected(ID_TOKEN_INVALID, "The id token was not issued for this sign-in (nonce).");
        }
        List<String> audience = jwt.getAudience();
        if (audience != null && audience.size() > 1 && !client.clientId().equals(jwt.getClaimAsString("azp"))) {
            return Outcome.rejected(ID_TOKEN_INVALID, "The id token was issued to another party (azp).");
        }
        return Outcome.accepted(new ProvidedIdentity(Optional.ofNullable(jwt.getClaimAsString(client.emailClaim())),
                Optional.ofNullable(jwt.getClaimAsBoolean("email_verified"))));
    }

    private <T> Outcome<T> unavailable(Throwable failure) {
        log.warn("The identity provider {} could not be used: {}", client.issuerUri(), failure.toString());
        return Outcome.rejected(UNAVAILABLE, "The identity provider cannot be reached; try again, or sign in with your password.");
    }

    private static String formEncoded(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
