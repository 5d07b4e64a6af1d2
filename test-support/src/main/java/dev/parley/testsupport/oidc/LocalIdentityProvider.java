package dev.parley.testsupport.oidc;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * A small OpenID Connect provider on 127.0.0.1 (a real local peer, as an IdP would be). It publishes
 * its discovery document and JWKS, signs access tokens with its own key, and runs the authorization
 * code flow with PKCE (RFC 7636, S256 only) for one client: {@code /authorize} signs in whoever
 * {@link #signsIn} names without a login page and redirects back with a code; {@code /token} redeems
 * a code once, for the same client, redirect URI and a verifier matching the challenge, and answers
 * an id token whose audience is the client id.
 */
public final class LocalIdentityProvider implements AutoCloseable {

    /** The audience of its access tokens, and the client id of the console at it. */
    public static final String AUDIENCE = "parley-console";
    public static final String CLIENT_ID = AUDIENCE;
    /** How long a code may wait to be redeemed; real providers allow a minute or so. */
    private static final Duration CODE_LIFETIME = Duration.ofMinutes(1);

    /** An authorization request as the browser made it (its query parameters). */
    public record Authorization(Map<String, String> parameters) {

        public String get(String name) {
            return parameters.get(name);
        }
    }

    private record PendingCode(String email, String redirectUri, String challenge, Optional<String> nonce, Instant expiresAt) {
    }

    private final HttpServer server;
    private final RSAKey key;
    private final Optional<String> clientSecret;
    private final Map<String, PendingCode> codes = new ConcurrentHashMap<>();
    private final List<Authorization> authorizations = new CopyOnWriteArrayList<>();
    private volatile String user = "nobody@idp.example";
    private volatile Consumer<JWTClaimsSet.Builder> idTokenTweak = claims -> { };

    private LocalIdentityProvider(HttpServer server, RSAKey key, Optional<String> clientSecret) {
        this.server = server;
        this.key = key;
        this.clientSecret = clientSecret;
    }

    /** A provider whose client is public: PKCE alone authenticates the token request. */
    public static LocalIdentityProvider start() {
        return start(Optional.empty());
    }

    /** A provider that also wants the client's secret at the token endpoint (HTTP Basic or in the form). */
    public static LocalIdentityProvider startRequiringSecret(String secret) {
        return start(Optional.of(secret));
    }

    private static LocalIdentityProvider start(Optional<String> clientSecret) {
        try {
            RSAKey key = new RSAKeyGenerator(2048).keyID("idp-" + UUID.randomUUID()).generate();
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            LocalIdentityProvider provider = new LocalIdentityProvider(server, key, clientSecret);
            server.createContext("/.well-known/openid-configuration", exchange -> reply(exchange, 200, provider.discovery()));
            server.createContext("/jwks", exchange -> reply(exchange, 200, new JWKSet(key.toPublicJWK()).toString()));
            server.createContext("/authorize", provider::authorize);
            server.createContext("/token", provider::token);
            server.start();
            return provider;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    public String issuer() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** From now on {@code /authorize} signs in the person with this email, as if they had logged in here. */
    public LocalIdentityProvider signsIn(String email) {
        this.user = email;
        return this;
    }

    /** Changes the id tokens {@code /token} answers from now on (another audience, an expiry in the past…). */
    public LocalIdentityProvider tweakIdTokens(Consumer<JWTClaimsSet.Builder> tweak) {
        this.idTokenTweak = tweak;
        return this;
    }

    /** The authorization requests received so far, oldest first. */
    public List<Authorization> authorizations() {
        return List.copyOf(authorizations);
    }

    /** An access token for {@code email}, as the provider would mint for Parley, changed by {@code tweak}. */
    public String token(String email, Consumer<JWTClaimsSet.Builder> tweak) {
        return sign(key, email, claims -> claims.audience(AUDIENCE), tweak);
    }

    /** A token claiming this provider's issuer but signed with a key it never published. */
    public String forgedToken(String email) {
        try {
            return sign(new RSAKeyGenerator(2048).keyID(key.getKeyID()).generate(), email, claims -> claims.audience(AUDIENCE), claims -> { });
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The S256 challenge of a PKCE verifier (RFC 7636 §4.2). */
    public static String challengeOf(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64URL.encode(digest).toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private void authorize(HttpExchange exchange) throws IOException {
        Map<String, String> query = form(Optional.ofNullable(exchange.getRequestURI().getRawQuery()).orElse(""));
        authorizations.add(new Authorization(query));
        String redirectUri = query.get("redirect_uri");
        if (redirectUri == null || !CLIENT_ID.equals(query.get("client_id"))) {
            // RFC 6749 §4.1.2.1: never redirect to an address not known to belong to the client
            reply(exchange, 400, "{\"error\":\"invalid_request\",\"error_description\":\"unknown client or no redirect_uri\"}");
            return;
        }
        String error = !"code".equals(query.get("response_type")) ? "unsupported_response_type"
                : !"S256".equals(query.get("code_challenge_method")) || query.get("code_challenge") == null ? "invalid_request"
                : !List.of(query.getOrDefault("scope", "").split(" ")).contains("openid") ? "invalid_scope"
                : null;
        Map<String, String> back = new LinkedHashMap<>();
        if (error != null) {
            back.put("error", error);
        } else {
            String code = UUID.randomUUID().toString();
            codes.put(code, new PendingCode(user, redirectUri, query.get("code_challenge"),
                    Optional.ofNullable(query.get("nonce")), Instant.now().plus(CODE_LIFETIME)));
            back.put("code", code);
        }
        if (query.get("state") != null) {
            back.put("state", query.get("state"));
        }
        exchange.getResponseHeaders().set("Location", redirectUri + (URI.create(redirectUri).getRawQuery() == null ? "?" : "&") + encode(back));
        exchange.sendResponseHeaders(302, -1);
        exchange.close();
    }

    private void token(HttpExchange exchange) throws IOException {
        if (!"POST".equals(exchange.getRequestMethod())) {
            reply(exchange, 405, "{\"error\":\"invalid_request\"}");
            return;
        }
        Map<String, String> form = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        if (!clientAuthenticated(exchange, form)) {
            reply(exchange, 401, "{\"error\":\"invalid_client\"}");
            return;
        }
        if (!"authorization_code".equals(form.get("grant_type"))) {
            reply(exchange, 400, "{\"error\":\"unsupported_grant_type\"}");
            return;
        }
        // A code is spent by its first redemption, whatever the outcome (RFC 6749 §4.1.2).
        PendingCode pending = form.get("code") == null ? null : codes.remove(form.get("code"));
        String verifier = form.get("code_verifier");
        if (pending == null || pending.expiresAt().isBefore(Instant.now())
                || !pending.redirectUri().equals(form.get("redirect_uri"))
                || verifier == null || !pending.challenge().equals(challengeOf(verifier))) {
            reply(exchange, 400, "{\"error\":\"invalid_grant\"}");
            return;
        }
        String idToken = sign(key, pending.email(), claims -> {
            claims.audience(CLIENT_ID);
            pending.nonce().ifPresent(nonce -> claims.claim("nonce", nonce));
        }, idTokenTweak);
        reply(exchange, 200, """
                {"access_token":"%s","token_type":"Bearer","expires_in":300,"id_token":"%s"}"""
                .formatted(token(pending.email(), claims -> { }), idToken));
    }

    private boolean clientAuthenticated(HttpExchange exchange, Map<String, String> form) {
        String basic = exchange.getRequestHeaders().getFirst("Authorization");
        String id;
        String secret;
        if (basic != null && basic.startsWith("Basic ")) {
            String[] pair = new String(Base64.getDecoder().decode(basic.substring(6)), StandardCharsets.UTF_8).split(":", 2);
            id = URLDecoder.decode(pair[0], StandardCharsets.UTF_8);
            secret = pair.length > 1 ? URLDecoder.decode(pair[1], StandardCharsets.UTF_8) : null;
        } else {
            id = form.get("client_id");
            secret = form.get("client_secret");
        }
        return CLIENT_ID.equals(id) && clientSecret.map(expected -> expected.equals(secret)).orElse(true);
    }

    private String sign(RSAKey signingKey, String email, Consumer<JWTClaimsSet.Builder> kind, Consumer<JWTClaimsSet.Builder> tweak) {
        Instant now = Instant.now();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(issuer())
                .subject("idp-user-" + email)
                .claim("email", email)
                .claim("email_verified", true)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofMinutes(5))));
        kind.accept(claims);
        tweak.accept(claims);
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(signingKey.getKeyID()).build(), claims.build());
        try {
            jwt.sign(new RSASSASigner(signingKey));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    private String discovery() {
        return """
                {"issuer":"%1$s","jwks_uri":"%1$s/jwks","authorization_endpoint":"%1$s/authorize",
                 "token_endpoint":"%1$s/token","response_types_supported":["code"],
                 "code_challenge_methods_supported":["S256"],
                 "token_endpoint_auth_methods_supported":["none","client_secret_basic","client_secret_post"],
                 "subject_types_supported":["public"],"id_token_signing_alg_values_supported":["RS256"]}"""
                .formatted(issuer());
    }

    private static Map<String, String> form(String encoded) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String pair : encoded.split("&")) {
            if (!pair.isEmpty()) {
                String[] parts = pair.split("=", 2);
                values.put(URLDecoder.decode(parts[0], StandardCharsets.UTF_8),
                        parts.length > 1 ? URLDecoder.decode(parts[1], StandardCharsets.UTF_8) : "");
            }
        }
        return values;
    }

    private static String encode(Map<String, String> values) {
        StringBuilder query = new StringBuilder();
        values.forEach((name, value) -> query.append(query.isEmpty() ? "" : "&")
                .append(URLEncoder.encode(name, StandardCharsets.UTF_8)).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return query.toString();
    }

    private static void reply(HttpExchange exchange, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(status, body.length);
        try (var out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
