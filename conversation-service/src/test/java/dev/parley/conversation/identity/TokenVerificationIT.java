package dev.parley.conversation.identity;

import static dev.parley.conversation.identity.IdentityCast.ACME;
import static dev.parley.conversation.identity.IdentityCast.ADA;
import static dev.parley.conversation.identity.IdentityCast.BOB;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import dev.parley.conversation.identity.config.IdentityProperties;
import dev.parley.conversation.identity.adapter.jwt.NimbusTokenIssuer;
import dev.parley.conversation.identity.domain.Caller;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/** Which bearer tokens the service accepts, and what each kind of token may reach. */
@Import(CallerProbes.class)
class TokenVerificationIT extends RunningService {

    private static final Caller.Agent BOB_AGENT = new Caller.Agent(BOB.id(), Caller.AgentRole.AGENT);

    @Autowired
    private NimbusTokenIssuer issuer;

    @Autowired
    private IdentityProperties properties;

    /** Builds tokens, honest and forged, against the running service's keys. */
    final class Forge {

        String issued(Caller caller) {
            return issuer.issue(caller).block().value();
        }

        /** Bob's valid claims, changed by {@code tweak}, signed with the service's own key. */
        String signed(Consumer<JWTClaimsSet.Builder> tweak) {
            return issuer.sign(claims(tweak)).block();
        }

        String unsigned(Consumer<JWTClaimsSet.Builder> tweak) {
            return new PlainJWT(claims(tweak)).serialize();
        }

        /** Signed with a key of the forger's own that claims the id of the service's key. */
        String withForeignKeyUnderOurKid() throws Exception {
            RSAKey foreign = new RSAKeyGenerator(2048).keyID(ourKid()).generate();
            return sign(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(ourKid()).build(), claims(c -> { }), new RSASSASigner(foreign));
        }

        /** The old algorithm-confusion attack: HS256 keyed with the (public) RSA key's bytes. */
        String hmacKeyedWithOurPublicKey() throws Exception {
            byte[] publicKey = ourKey().toRSAPublicKey().getEncoded();
            return sign(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(ourKid()).build(), claims(c -> { }), new MACSigner(publicKey));
        }

        String tamperedSignature() {
            String token = issued(BOB_AGENT);
            char last = token.charAt(token.length() - 2);
            return token.substring(0, token.length() - 2) + (last == 'A' ? 'B' : 'A') + token.charAt(token.length() - 1);
        }

        /** Bob's token with the payload rewritten to say ADMIN, the signature left as it was. */
        String roleRaisedInPayload() throws Exception {
            String[] parts = issued(BOB_AGENT).split("\\.");
            JWTClaimsSet raised = new JWTClaimsSet.Builder(SignedJWT.parse(String.join(".", parts)).getJWTClaimsSet())
                    .claim("role", "ADMIN").build();
            String payload = Base64.getUrlEncoder().withoutPadding().encodeToString(raised.toString().getBytes());
            return parts[0] + "." + payload + "." + parts[2];
        }

        private JWTClaimsSet claims(Consumer<JWTClaimsSet.Builder> tweak) {
            Instant now = Instant.now();
            JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                    .issuer(properties.issuer())
                    .audience(properties.audience())
                    .subject(BOB.id().toString())
                    .claim("role", "AGENT")
                    .issueTime(Date.from(now))
                    .expirationTime(Date.from(now.plus(Duration.ofMinutes(5))))
                    .jwtID(UUID.randomUUID().toString());
            tweak.accept(claims);
            return claims.build();
        }

        private String ourKid() throws Exception {
            return ourKey().getKeyID();
        }

        private RSAKey ourKey() throws Exception {
            String jwks = http.get().uri("/.well-known/jwks.json").exchange().expectBody(String.class).returnResult().getResponseBody();
            return JWKSet.parse(jwks).getKeys().get(0).toRSAKey();
        }

        private String sign(JWSHeader header, JWTClaimsSet claims, com.nimbusds.jose.JWSSigner signer) throws Exception {
            SignedJWT jwt = new SignedJWT(header, claims);
            jwt.sign(signer);
            return jwt.serialize();
        }
    }

    @FunctionalInterface
    interface TokenRecipe {
        String make(Forge forge) throws Exception;
    }

    record Case(String name, TokenRecipe token, int status, String code) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Case[] tokens() {
        Instant past = Instant.now().minus(Duration.ofHours(1));
        return new Case[] {
                new Case("valid_agent_token", forge -> forge.issued(BOB_AGENT), 200, null),
                new Case("expired_ten_seconds_ago_within_clock_skew",
                        forge -> forge.signed(c -> c.issueTime(Date.from(past))
                                .expirationTime(Date.from(Instant.now().minusSeconds(10)))), 200, null),
                new Case("expired", forge -> forge.signed(c -> c.issueTime(Date.from(past))
                        .expirationTime(Date.from(past.plus(Duration.ofMinutes(15))))), 401, "auth.token_expired"),
                new Case("tampered_signature", Forge::tamperedSignature, 401, "auth.token_invalid"),
                new Case("role_raised_in_payload", Forge::roleRaisedInPayload, 401, "auth.token_invalid"),
                new Case("alg_none", forge -> forge.unsigned(c -> { }), 401, "auth.token_invalid"),
                new Case("hs256_keyed_with_our_public_key", Forge::hmacKeyedWithOurPublicKey, 401, "auth.token_invalid"),
                new Case("foreign_key_claiming_our_kid", Forge::withForeignKeyUnderOurKid, 401, "auth.token_invalid"),
                new Case("other_issuer", forge -> forge.signed(c -> c.issuer("https://evil.example")), 401, "auth.token_invalid"),
                new Case("no_issuer", forge -> forge.signed(c -> c.issuer(null)), 401, "auth.token_invalid"),
                new Case("wrong_audience", forge -> forge.signed(c -> c.audience("someone-else")), 401, "auth.token_invalid"),
                new Case("no_expiry", forge -> forge.signed(c -> c.expirationTime(null)), 401, "auth.token_invalid"),
                new Case("not_yet_valid", forge -> forge.signed(c -> c.notBeforeTime(Date.from(Instant.now().plus(Duration.ofHours(1))))),
                        401, "auth.token_invalid"),
                new Case("no_role", forge -> forge.signed(c -> c.claim("role", null)), 401, "auth.token_invalid"),
                new Case("unknown_role", forge -> forge.signed(c -> c.claim("role", "ROOT")), 401, "auth.token_invalid"),
                new Case("customer_without_inbox", forge -> forge.signed(c -> c.claim("role", "CUSTOMER")), 401, "auth.token_invalid"),
                new Case("agent_subject_not_an_id", forge -> forge.signed(c -> c.subject("bob")), 401, "auth.token_invalid"),
                new Case("not_a_jwt", forge -> "not-a-jwt", 401, "auth.token_invalid"),
        };
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tokens")
    void acceptsOnlyValidTokensOfItsOwnIssuer(Case c) throws Exception {
        var response = me(c.token().make(new Forge()));

        response.expectStatus().isEqualTo(c.status());
        if (c.code() != null) {
            response.expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"")
                    .expectBody().jsonPath("$.code").isEqualTo(c.code()).jsonPath("$.status").isEqualTo(c.status());
        }
    }

    record Reach(String name, Function<Forge, String> token, String path, int status, String code) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Reach[] reach() {
        Caller customer = new Caller.Customer(UUID.randomUUID(), ACME.id());
        Caller admin = new Caller.Agent(ADA.id(), Caller.AgentRole.ADMIN);
        Caller gateway = new Caller.Service("gateway");
        return new Reach[] {
                new Reach("customer_on_internal", forge -> forge.issued(customer), "/internal/v1/probe", 403, "auth.forbidden"),
                new Reach("agent_on_internal", forge -> forge.issued(BOB_AGENT), "/internal/v1/probe", 403, "auth.forbidden"),
                new Reach("admin_on_internal", forge -> forge.issued(admin), "/internal/v1/probe", 403, "auth.forbidden"),
                new Reach("service_on_internal", forge -> forge.issued(gateway), "/internal/v1/probe", 200, null),
                new Reach("customer_on_agents_only", forge -> forge.issued(customer), "/api/v1/probe/agent", 403, "auth.forbidden"),
                new Reach("service_on_agents_only", forge -> forge.issued(gateway), "/api/v1/probe/agent", 403, "auth.forbidden"),
                new Reach("agent_on_agents_only", forge -> forge.issued(BOB_AGENT), "/api/v1/probe/agent", 200, null),
                new Reach("admin_on_agents_only", forge -> forge.issued(admin), "/api/v1/probe/agent", 200, null),
        };
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("reach")
    void eachRoleReachesOnlyItsEndpoints(Reach r) {
        var response = http.get().uri(r.path()).header(HttpHeaders.AUTHORIZATION, "Bearer " + r.token().apply(new Forge())).exchange();

        response.expectStatus().isEqualTo(r.status());
        if (r.code() != null) {
            response.expectBody().jsonPath("$.code").isEqualTo(r.code());
        }
    }

    @Test
    void aCallWithoutATokenIsAskedForOne() {
        http.get().uri("/api/v1/auth/me").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .expectBody().jsonPath("$.code").isEqualTo("auth.token_missing");
        http.get().uri("/internal/v1/probe").exchange()
                .expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.code").isEqualTo("auth.token_missing");
    }

    @Test
    void theControllerGetsTheCallerTheTokenProves() {
        me(new Forge().issued(new Caller.Customer(UUID.fromString("00000000-0000-0000-0000-00000000a11c"), ACME.id())))
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.role").isEqualTo("CUSTOMER")
                .jsonPath("$.id").isEqualTo("00000000-0000-0000-0000-00000000a11c")
                .jsonPath("$.inboxId").isEqualTo(ACME.id().toString());
        me(login(ADA).accessToken()).expectStatus().isOk()
                .expectBody().jsonPath("$.role").isEqualTo("ADMIN").jsonPath("$.id").isEqualTo(ADA.id().toString());
    }

    @Test
    void codeWithoutACallerParameterFindsTheCallerInTheReactiveContext() {
        http.get().uri("/api/v1/probe/current").header(HttpHeaders.AUTHORIZATION, "Bearer " + new Forge().issued(BOB_AGENT))
                .exchange().expectStatus().isOk().expectBody(String.class).isEqualTo("AGENT");
    }

    @Test
    void publicEndpointsNeedNoToken() {
        http.get().uri("/actuator/health").exchange().expectStatus().isOk();
        http.get().uri("/actuator/health/liveness").exchange().expectStatus().isOk();
        http.get().uri("/.well-known/jwks.json").exchange().expectStatus().isOk();
    }

    @Test
    void theJwksAloneVerifiesIssuedTokensAndRevealsNoPrivateKey() throws Exception {
        String token = login(BOB).accessToken();
        String jwks = http.get().uri("/.well-known/jwks.json").exchange()
                .expectStatus().isOk()
                .expectHeader().cacheControl(org.springframework.http.CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic())
                .expectBody(String.class).returnResult().getResponseBody();

        JWKSet keys = JWKSet.parse(jwks);
        SignedJWT jwt = SignedJWT.parse(token);
        RSAKey key = keys.getKeyByKeyId(jwt.getHeader().getKeyID()).toRSAKey();

        assertThat(keys.getKeys()).allSatisfy(k -> assertThat(k.isPrivate()).isFalse());
        assertThat(jwks).doesNotContain("\"d\"", "\"p\"", "\"q\"");
        assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
        assertThat(jwt.getHeader().getType()).isEqualTo(JOSEObjectType.JWT);
        assertThat(jwt.verify(new RSASSAVerifier(key))).isTrue();
        JWTClaimsSet claims = jwt.getJWTClaimsSet();
        assertThat(claims.getIssuer()).isEqualTo("parley");
        assertThat(claims.getAudience()).containsExactly("parley");
        assertThat(claims.getSubject()).isEqualTo(BOB.id().toString());
        assertThat(claims.getStringClaim("role")).isEqualTo("AGENT");
        assertThat(claims.getJWTID()).isNotBlank();
        assertThat(Duration.between(claims.getIssueTime().toInstant(), claims.getExpirationTime().toInstant()))
                .isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void theGatewayTradesItsSecretForAShortLivedServiceToken() {
        Grant grant = http.post().uri("/internal/v1/auth/service-token")
                .bodyValue(Map.of("clientId", "gateway", "clientSecret", GATEWAY_SECRET))
                .exchange()
                .expectStatus().isOk()
                .expectHeader().cacheControl(org.springframework.http.CacheControl.noStore())
                .expectBody(Grant.class).returnResult().getResponseBody();

        assertThat(grant.tokenType()).isEqualTo("Bearer");
        assertThat(grant.expiresIn()).isBetween(590L, 600L);
        assertThat(grant.refreshToken()).isNull();
        http.get().uri("/internal/v1/probe").header(HttpHeaders.AUTHORIZATION, "Bearer " + grant.accessToken()).exchange()
                .expectStatus().isOk().expectBody(String.class).isEqualTo("gateway");
        me(grant.accessToken()).expectBody().jsonPath("$.role").isEqualTo("SERVICE").jsonPath("$.id").isEqualTo("gateway");
    }

    @ParameterizedTest(name = "{0}/{1}")
    @org.junit.jupiter.params.provider.CsvSource({
            "gateway, wrong-secret-for-tests-0123456789ab",
            "worker,  " + GATEWAY_SECRET,
    })
    void aWrongSecretOrUnknownClientGetsNoServiceToken(String clientId, String secret) {
        http.post().uri("/internal/v1/auth/service-token")
                .bodyValue(Map.of("clientId", clientId, "clientSecret", secret))
                .exchange()
                .expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.code").isEqualTo("auth.invalid_client");
    }
}
