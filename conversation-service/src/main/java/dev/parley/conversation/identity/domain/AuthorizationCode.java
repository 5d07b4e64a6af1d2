package dev.parley.conversation.identity.domain;

import dev.parley.conversation.shared.domain.Outcome;
import dev.parley.conversation.shared.domain.Rejection;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What the console brings back from the identity provider to be redeemed: the one-time
 * {@code code}, the PKCE {@code codeVerifier} whose S256 challenge went with the authorization
 * request (RFC 7636), the {@code redirectUri} the code was sent to, and the {@code nonce} the
 * authorization request carried, which the id token must repeat.
 */
public record AuthorizationCode(String code, String codeVerifier, String redirectUri, Optional<String> nonce) {

    public static final String INVALID = "auth.sso_request_invalid";
    /** RFC 7636 §4.1: 43 to 128 unreserved characters. */
    private static final Pattern VERIFIER = Pattern.compile("[A-Za-z0-9._~-]{43,128}");
    /** Far above any provider's codes and nonces; a bound so nobody posts megabytes to forward. */
    private static final int MAX_LENGTH = 2048;

    public AuthorizationCode {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(codeVerifier, "codeVerifier");
        Objects.requireNonNull(redirectUri, "redirectUri");
        Objects.requireNonNull(nonce, "nonce");
    }

    /** The request as posted, or the first field that is missing or malformed. */
    public static Outcome<AuthorizationCode> of(String code, String codeVerifier, String redirectUri, String nonce) {
        if (code == null || code.isBlank() || code.length() > MAX_LENGTH) {
            return invalid("code", "The authorization code is missing.");
        }
        if (codeVerifier == null || !VERIFIER.matcher(codeVerifier).matches()) {
            return invalid("codeVerifier", "The code verifier must be 43 to 128 of A-Z a-z 0-9 - . _ ~ (RFC 7636).");
        }
        if (redirectUri == null || !isHttpUri(redirectUri)) {
            return invalid("redirectUri", "The redirect URI must be the absolute http(s) address the code was sent to.");
        }
        if (nonce != null && (nonce.isBlank() || nonce.length() > MAX_LENGTH)) {
            return invalid("nonce", "The nonce, when given, must be the one of the authorization request.");
        }
        return Outcome.accepted(new AuthorizationCode(code, codeVerifier, redirectUri, Optional.ofNullable(nonce)));
    }

    private static boolean isHttpUri(String value) {
        if (value.length() > MAX_LENGTH) {
            return false;
        }
        try {
            URI uri = new URI(value);
            return ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static Outcome<AuthorizationCode> invalid(String field, String message) {
        return Outcome.rejected(Rejection.invalid(INVALID, field, message));
    }

    /** Codes and verifiers are secrets until redeemed: never in a log line. */
    @Override
    public String toString() {
        return "AuthorizationCode[redirectUri=" + redirectUri + ", code=***, codeVerifier=***]";
    }
}
