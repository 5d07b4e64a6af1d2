package dev.parley.standalone;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 16's journey, in headless Chromium on a fresh standalone with the demo data off and only the
 * bootstrap admin: the admin sets Parley up in the browser (a department, an inbox, an invited
 * agent), the agent sets a password from the invitation and signs in, the inbox's snippet goes on a
 * page of the customer's own site, which identifies its signed-in user with a {@code userHash}; the
 * customer and the agent chat; the admin deactivates the agent and the conversation goes back to
 * the queue. Each admin screen is kept as a screenshot in {@code target/screenshots/}.
 */
class AdminJourneyIT {

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final String ADMIN_EMAIL = "ana@team.example";
    private static final String ADMIN_PASSWORD = "bootstrap-admin-password-1";
    private static final String AGENT_EMAIL = "ivy@team.example";
    private static final String AGENT_PASSWORD = "ivy-chooses-this-one";
    private static final String USER_ID = "grace-1906";

    @AutoClose
    private static SystemChromium chromium;
    @AutoClose
    private static HostSite site;
    @TempDir
    static Path dataDirectory;
    @AutoClose
    private static Suite suite;

    @BeforeAll
    static void start() {
        chromium = SystemChromium.launchOrSkip();
        site = HostSite.start();
        suite = Suite.embedded(dataDirectory,
                "--parley.standalone.demo.enabled=false",
                "--parley.identity.bootstrap-admin.email=" + ADMIN_EMAIL,
                "--parley.identity.bootstrap-admin.password=" + ADMIN_PASSWORD,
                "--parley.identity.bootstrap-admin.name=Ana Admin");
    }

    @Test
    void theBootstrapAdminSetsUpATeamWhoseAgentAnswersASignedInCustomer() {
        try (BrowserContext adminContext = chromium.context(1300, 900);
             BrowserContext agentContext = chromium.context(1300, 850);
             BrowserContext customerContext = chromium.context(1000, 800)) {
            var admin = new AdminPage(adminContext.newPage()).signIn(suite.origin(), ADMIN_EMAIL, ADMIN_PASSWORD);
            assertThat(admin.page.locator("h2")).hasText("Inboxes");
            assertThat(admin.page.locator(".admin-body")).containsText("No inbox yet");

            // A department first: every inbox routes to one.
            admin.screen("Departments");
            Locator department = admin.open("New department", "New department");
            admin.field(department, "name").fill("Billing");
            admin.field(department, "strategy").selectOption("LEAST_BUSY");
            admin.click(department, "Save department");
            assertThat(admin.row("Billing")).containsText("Least busy");
            admin.screenshot(SCREENSHOTS.resolve("admin-departments.png"));

            // The inbox for the customer's site, allowed on its origin only; its snippet and identity secret.
            admin.screen("Inboxes");
            Locator inbox = admin.open("New inbox", "New inbox");
            admin.field(inbox, "name").fill("Team site");
            admin.field(inbox, "allowedOrigins").fill(site.origin());
            admin.field(inbox, "widgetTitle").fill("Team support");
            admin.field(inbox, "widgetColour").fill("#1a5fb4");
            admin.field(inbox, "greeting").fill("Ask the team anything.");
            admin.click(inbox, "Save inbox");
            assertThat(admin.row("Team site")).containsText("Billing");
            Locator saved = admin.form("Edit inbox Team site");
            assertThat(saved).isVisible();
            String snippet = admin.copied("embed-snippet");
            assertThat(snippet).startsWith("<script src=\"" + suite.origin() + "/widget.js\" data-inbox=\"").endsWith(" async></script>");
            admin.click(saved, "Rotate secret");
            String secret = admin.copied("identity-secret");
            admin.screenshot(SCREENSHOTS.resolve("admin-inboxes.png"));

            // A page that claims a user it can't prove (a hash under another secret, as data- attributes) gets no chat.
            String forged = site.serve("/forged", hostPage(snippet.replace(" async></script>", " data-user-id=\"" + USER_ID
                    + "\" data-user-hash=\"" + HostSite.userHash("not-the-inbox-secret", USER_ID) + "\" async></script>"), "open'"));
            try (BrowserContext forger = chromium.context(1000, 800)) {
                var stranger = new WidgetPage(forger.newPage(), false).openSite(forged);
                assertThat(stranger.find(".panel")).isVisible();
                assertThat(stranger.status()).containsText("Chat is unavailable right now (widget.user_hash_invalid)");
            }

            // The agent, invited with a one-time link the admin copies to her.
            admin.screen("Agents");
            Locator invite = admin.open("Invite agent", "Invite agent");
            admin.field(invite, "name").fill("Ivy Agent");
            admin.field(invite, "email").fill(AGENT_EMAIL);
            admin.field(invite, "maxConcurrent").fill("3");
            assertThat(invite.locator("input[name=departmentIds]")).isChecked();
            admin.click(invite, "Invite");
            String link = admin.copied("password-link");
            assertThat(link).startsWith(suite.origin() + "/console/password#token=");
            assertThat(admin.row("Ivy Agent")).containsText(AGENT_EMAIL);
            admin.screenshot(SCREENSHOTS.resolve("admin-agents-invited.png"));

            // Ivy opens the link, sets her password, signs in to the console and goes online.
            Page invitation = agentContext.newPage();
            invitation.navigate(link);
            invitation.locator("input[name=password]").fill(AGENT_PASSWORD);
            invitation.locator("input[name=again]").fill(AGENT_PASSWORD);
            invitation.locator("button[type=submit]").click();
            assertThat(invitation.locator("[role=status]")).containsText("Sign in as " + AGENT_EMAIL);
            var agent = new ConsolePage(invitation).signIn(suite.origin(), AGENT_EMAIL, AGENT_PASSWORD).goOnline();

            // A page of the customer's site, whose server signed its user in: the snippet as pasted,
            // the Parley(…) calls queued before the script loads.
            String page = site.serve("/account", hostPage(snippet, "identify', { userId: '" + USER_ID + "', userHash: '"
                    + HostSite.userHash(secret, USER_ID) + "', name: 'Grace Hopper', email: 'grace@team.example', attributes: { plan: 'pro' } }"));
            var customer = new WidgetPage(customerContext.newPage(), false).openSite(page);
            customer.page.locator("#help").click(); // the site's own button: Parley('open')
            assertThat(customer.find(".panel")).isVisible();
            // As the admin set it for the inbox: no title in the snippet, the inbox's.
            assertThat(customer.find("header h2")).hasText("Team support");
            assertThat(customer.find("header")).hasCSS("background-color", "rgb(26, 95, 180)");
            assertThat(customer.status()).hasText("Ask the team anything.");
            customer.send("Hello, I am signed in on your site.");

            // The worker assigns the conversation to Ivy, the only agent online in Billing.
            assertThat(customer.status()).containsText("chatting with an agent");
            agent.tab("Mine");
            agent.listItem("Grace Hopper").first().click();
            assertThat(agent.message("I am signed in on your site")).isVisible();

            // The page Grace is on, in Ivy's sidebar as a link to it; a single-page navigation of the
            // site follows there within the sidebar's refresh (issue 16, B).
            Locator onPage = agent.page.locator(".sidebar a.current-page");
            assertThat(onPage).hasText("Team site: your account");
            assertThat(onPage).hasAttribute("href", page);
            customer.page.evaluate("() => { history.pushState({}, '', '/account/orders'); document.title = 'Team site: your orders'; }");
            assertThat(onPage).hasText("Team site: your orders", new LocatorAssertions.HasTextOptions().setTimeout(30_000));
            assertThat(onPage).hasAttribute("href", site.origin() + "/account/orders");

            // The attributes the page set are what a canned reply reads.
            assertThat(agent.createCannedReply("plan", "You are on the {customer.plan} plan, {customer.name}.")).isEqualTo(201);
            agent.composer().fill("/plan");
            agent.composer().press("Enter");
            assertThat(agent.composer()).hasValue("You are on the pro plan, Grace Hopper.");
            agent.composer().press("Enter");
            assertThat(customer.message("You are on the pro plan, Grace Hopper.")).isVisible();

            // Closed from the page's API, the widget counts what arrives, and the page hears it.
            customer.page.evaluate("() => Parley('close')");
            assertThat(customer.find(".panel")).isHidden();
            agent.send("Anything else?");
            assertThat(customer.page.locator("#unread")).hasText("1");
            assertThat(customer.find(".badge")).hasText("1");
            customer.page.evaluate("() => Parley('open')");
            assertThat(customer.page.locator("#unread")).hasText("0");
            customer.screenshot(SCREENSHOTS.resolve("host-page-widget.png"));
            agent.page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("console-agent.png")));

            // The admin deactivates Ivy: her open conversation goes back to the queue.
            admin.screen("Agents");
            // The screen as loaded now (not the table left from the invitation): Ivy online, holding 1 of 3 seats.
            assertThat(admin.row("Ivy Agent")).containsText("ONLINE");
            assertThat(admin.row("Ivy Agent")).containsText("1 / 3");
            Locator edit = admin.open("Edit Ivy Agent", "Edit agent Ivy Agent");
            admin.click(edit, "Deactivate");
            assertThat(admin.status()).containsText("Ivy Agent is deactivated; 1 open conversation(s) went back to the queue.");
            assertThat(admin.row("Ivy Agent")).containsText("Deactivated");
            admin.screenshot(SCREENSHOTS.resolve("admin-agents-deactivated.png"));
            assertThat(customer.status()).containsText(Pattern.compile("Waiting for an agent|in line"));
            var adminConsole = new ConsolePage(admin.page);
            admin.page.navigate(suite.origin() + "/console");
            assertThat(adminConsole.connection()).hasText("Connected");
            adminConsole.tab("Queue");
            assertThat(adminConsole.listItem("Grace Hopper")).containsText("waiting");
        }
    }

    /** The customer's page: its own content, the README's stub with {@code call} queued, then the snippet. */
    private static String hostPage(String snippet, String call) {
        return """
                <!doctype html>
                <html lang="en"><head><meta charset="utf-8"><title>Team site: your account</title></head>
                <body>
                  <h1>Your account</h1>
                  <button id="help" type="button" onclick="Parley('open')">Help</button>
                  <p>Unread messages: <output id="unread">none</output></p>
                  <script>
                    window.Parley = window.Parley || function () { (window.Parley.q = window.Parley.q || []).push(arguments); };
                    Parley('%s);
                    Parley('onUnreadCount', function (count) { document.getElementById('unread').textContent = String(count); });
                  </script>
                  %s
                </body></html>
                """.formatted(call, snippet);
    }
}
