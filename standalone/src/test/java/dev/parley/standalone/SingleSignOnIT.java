package dev.parley.standalone;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.parley.standalone.demo.DemoData.DemoAgent;
import dev.parley.testsupport.oidc.LocalIdentityProvider;
import java.nio.file.Path;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 16's single sign-on, in headless Chromium: the agent clicks "Sign in with SSO" on the
 * console's form, the browser goes through the team's identity provider (the local one, on its own
 * origin) and back, and the console holds a Parley session the gateway accepts: connected, and the
 * agent's presence goes ONLINE. An admin who starts on the admin screens ends there; a person the
 * provider knows but Parley does not is told so.
 */
class SingleSignOnIT {

    @AutoClose
    private static SystemChromium chromium;
    @AutoClose
    private static LocalIdentityProvider provider;
    @TempDir
    static Path dataDirectory;
    @AutoClose
    private static Suite suite;

    @BeforeAll
    static void start() {
        chromium = SystemChromium.launchOrSkip();
        provider = LocalIdentityProvider.start();
        suite = Suite.embedded(dataDirectory,
                "--parley.identity.oidc.issuer-uri=" + provider.issuer(),
                "--parley.identity.oidc.client-id=" + LocalIdentityProvider.CLIENT_ID);
    }

    @Test
    void anAgentSignsInAtTheIdentityProviderAndTheConsoleConnects() {
        DemoAgent sam = suite.demo().agents().stream().filter(agent -> !agent.admin()).findFirst().orElseThrow();
        provider.signsIn(sam.email());
        try (BrowserContext context = chromium.context(1300, 850)) {
            Page page = context.newPage();
            page.navigate(suite.origin() + "/console");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in with SSO")).click();

            var console = new ConsolePage(page);
            assertThat(console.connection()).hasText("Connected");
            assertThat(page.locator(".who")).hasText(sam.name());
            // The code is spent and gone from the address bar and the history.
            assertThat(page.url()).isEqualTo(suite.origin() + "/console");
            assertThat(page.evaluate("() => sessionStorage.getItem('parley.sso')")).isNull();

            // What the browser asked the provider for: a code, bound to an S256 challenge and back to the console.
            var authorization = provider.authorizations().get(provider.authorizations().size() - 1);
            assertThat(authorization.get("code_challenge_method")).isEqualTo("S256");
            assertThat(authorization.get("code_challenge")).matches("[A-Za-z0-9_-]{43}");
            assertThat(authorization.get("redirect_uri")).isEqualTo(suite.origin() + "/console");
            assertThat(authorization.get("client_id")).isEqualTo(LocalIdentityProvider.CLIENT_ID);
            assertThat(authorization.parameters()).doesNotContainKey("code_verifier");

            // The gateway took the session: a status change over the socket reaches the directory.
            console.goOnline();
            String token = (String) page.evaluate("() => JSON.parse(sessionStorage.getItem('parley.console')).accessToken");
            await().atMost(Client.PATIENCE).until(() -> "ONLINE".equals(status(token, sam)));
            console.tab("Queue");
            assertThat(page.locator(".list")).isVisible();
        }
    }

    @Test
    void anAdminSigningInFromTheAdminScreensIsBroughtBackThere() {
        DemoAgent alex = suite.demo().agents().stream().filter(DemoAgent::admin).findFirst().orElseThrow();
        provider.signsIn(alex.email());
        try (BrowserContext context = chromium.context(1300, 900)) {
            Page page = context.newPage();
            page.navigate(suite.origin() + "/console/admin");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in with SSO")).click();

            // One redirect URI for both pages: back on the console, which returns to the admin screens.
            assertThat(page.locator("h2")).hasText("Inboxes");
            assertThat(page.url()).startsWith(suite.origin() + "/console/admin").doesNotContain("code=");
            var authorization = provider.authorizations().get(provider.authorizations().size() - 1);
            assertThat(authorization.get("redirect_uri")).isEqualTo(suite.origin() + "/console");
        }
    }

    @Test
    void aPersonWhoIsNoAgentIsToldSoAndStaysSignedOut() {
        provider.signsIn("stranger@idp.example");
        try (BrowserContext context = chromium.context(1000, 800)) {
            Page page = context.newPage();
            page.navigate(suite.origin() + "/console");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in with SSO")).click();

            assertThat(page.locator(".login [role=alert]")).containsText("not an active Parley agent");
            assertThat(page.locator("input[name=email]")).isVisible();
            assertThat(page.url()).isEqualTo(suite.origin() + "/console");
            assertThat(page.evaluate("() => sessionStorage.getItem('parley.console')")).isNull();
        }
    }

    private static String status(String token, DemoAgent agent) {
        var agents = Http.json(new Http(suite).get("/api/v1/agents", token));
        return StreamSupport.stream(agents.spliterator(), false)
                .filter(each -> agent.id().toString().equals(each.path("id").asString(null)))
                .findFirst().orElseThrow().path("status").asString();
    }
}
