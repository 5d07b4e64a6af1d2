package dev.parley.conversation.identity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.testsupport.oidc.LocalIdentityProvider;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What a browser does at the provider for the console: the authorization request, and the code in the redirect back. */
final class SsoCodes {

    static final String REDIRECT_URI = "http://localhost:8080/console";
    private static final HttpClient BROWSER = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private SsoCodes() {
    }

    /** A code for whoever the provider signs in, asked for with the S256 challenge of {@code verifier}. */
    static String codeFor(LocalIdentityProvider provider, String verifier, String nonce) {
        String query = "response_type=code&client_id=" + LocalIdentityProvider.CLIENT_ID
                + "&redirect_uri=" + URLEncoder.encode(REDIRECT_URI, StandardCharsets.UTF_8)
                + "&scope=openid%20email&state=xyz&nonce=" + nonce
                + "&code_challenge=" + LocalIdentityProvider.challengeOf(verifier) + "&code_challenge_method=S256";
        try {
            HttpResponse<Void> redirect = BROWSER.send(HttpRequest.newBuilder(URI.create(provider.issuer() + "/authorize?" + query)).build(),
                    HttpResponse.BodyHandlers.discarding());
            assertThat(redirect.statusCode()).isEqualTo(302);
            String location = redirect.headers().firstValue("Location").orElseThrow();
            assertThat(location).startsWith(REDIRECT_URI + "?").contains("state=xyz");
            Matcher code = Pattern.compile("[?&]code=([^&]+)").matcher(location);
            assertThat(code.find()).as(location).isTrue();
            return code.group(1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
