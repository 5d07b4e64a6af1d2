package dev.parley.standalone;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.parley.standalone.demo.DemoData.DemoAgent;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 16, accessibility: the widget on a host page, the console and each admin screen pass
 * axe-core with no serious or critical violation ({@link Accessibility}), and each is usable with
 * the keyboard alone, with the focus always visible. In headless Chromium on the demo suite.
 * The order matters only for the agents' status: Sam goes online for the console's scan and
 * offline after, so the conversation the keyboard test opens waits in the queue for the admin.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AccessibilityIT {

    @AutoClose
    private static SystemChromium chromium;
    @TempDir
    static Path dataDirectory;
    @AutoClose
    private static Suite suite;
    private static DemoAgent sam;
    private static String samPassword;
    private static DemoAgent admin;
    private static String adminPassword;

    @BeforeAll
    static void start() {
        chromium = SystemChromium.launchOrSkip();
        suite = Suite.embedded(dataDirectory);
        sam = suite.demo().agents().stream().filter(agent -> !agent.admin()).findFirst().orElseThrow();
        samPassword = sam.newPassword().orElseThrow();
        admin = suite.demo().agents().stream().filter(DemoAgent::admin).findFirst().orElseThrow();
        adminPassword = admin.newPassword().orElseThrow();
    }

    @Test
    @Order(1)
    void theWidgetClosedOpenAndChattingHasNoSeriousViolation() {
        try (BrowserContext context = chromium.contextBypassingCsp(1000, 800)) {
            var customer = new WidgetPage(context.newPage(), false).openShop(suite.origin());
            Accessibility.assertNoSeriousViolations(customer.page, "the demo shop with the widget's launcher");
            customer.open();
            assertThat(customer.find("form.prechat")).isVisible();
            Accessibility.assertNoSeriousViolations(customer.page, "the widget's pre-chat form");
            customer.startWith("How long does shipping take?", "Grace", "grace@example.com");
            assertThat(customer.find(".msg.bot")).containsText("2 to 4 working days");
            Accessibility.assertNoSeriousViolations(customer.page, "the widget chatting with the FAQ bot");
        }
    }

    @Test
    @Order(2)
    void theConsoleSignedOutAndInAConversationHasNoSeriousViolation() {
        try (BrowserContext agentContext = chromium.contextBypassingCsp(1300, 850); BrowserContext customerContext = chromium.context(1000, 800)) {
            Page page = agentContext.newPage();
            page.navigate(suite.origin() + "/console");
            assertThat(page.locator("form.login")).isVisible();
            Accessibility.assertNoSeriousViolations(page, "the console's sign-in");

            var agent = new ConsolePage(page).signIn(suite.origin(), sam.email(), samPassword).goOnline();
            askForAnAgent(customerContext, "Ada");
            agent.tab("Mine");
            assertThat(agent.listItem("Ada")).isVisible();
            Accessibility.assertNoSeriousViolations(page, "the console's conversation list");
            agent.listItem("Ada").first().click();
            assertThat(agent.message("Where is my parcel?")).isVisible();
            agent.send("Let me look.");
            assertThat(agent.message("Let me look.")).isVisible();
            Accessibility.assertNoSeriousViolations(page, "the console's open conversation with the composer");
            page.locator("select[aria-label='Your status']").selectOption("OFFLINE");
            assertThat(page.locator("select[aria-label='Your status']")).hasValue("OFFLINE");

            page.navigate(suite.origin() + "/console/admin");
            assertThat(page.locator("h1")).hasText("Admins only");
            Accessibility.assertNoSeriousViolations(page, "the admin screens refusing an agent");
        }
    }

    @Test
    @Order(3)
    void eachAdminScreenHasNoSeriousViolation() {
        try (BrowserContext context = chromium.contextBypassingCsp(1300, 900)) {
            var screens = new AdminPage(context.newPage()).signIn(suite.origin(), admin.email(), adminPassword);
            screens.screen("Inboxes");
            Accessibility.assertNoSeriousViolations(screens.page, "admin: inboxes");
            screens.open("Edit Demo shop", "Edit inbox Demo shop");
            Accessibility.assertNoSeriousViolations(screens.page, "admin: an inbox's form");
            screens.screen("Departments");
            Accessibility.assertNoSeriousViolations(screens.page, "admin: departments");
            screens.open("New department", "New department");
            Accessibility.assertNoSeriousViolations(screens.page, "admin: the new department form");
            screens.screen("Agents");
            Accessibility.assertNoSeriousViolations(screens.page, "admin: agents");
            screens.open("Invite agent", "Invite agent");
            Accessibility.assertNoSeriousViolations(screens.page, "admin: the invitation form");
            screens.screen("Canned replies");
            Accessibility.assertNoSeriousViolations(screens.page, "admin: canned replies");
            screens.open("New team reply", "New team reply");
            Accessibility.assertNoSeriousViolations(screens.page, "admin: the new canned reply form");
            screens.screen("FAQ");
            Accessibility.assertNoSeriousViolations(screens.page, "admin: FAQ");

            screens.page.navigate(suite.origin() + "/console/password#token=from-an-invitation");
            assertThat(screens.page.locator("form[aria-label='Set your password']")).isVisible();
            Accessibility.assertNoSeriousViolations(screens.page, "an invited agent's password page");
        }
    }

    /**
     * From the launcher to a message and back with the keyboard alone: the pre-chat form, the bot's
     * offer of an agent (after which the focus goes on to the message box), out of the widget to the
     * page (the panel does not trap the focus), and Escape, which hands the focus back to the launcher.
     */
    @Test
    @Order(4)
    void aCustomerChatsWithTheKeyboardAlone() {
        try (BrowserContext context = chromium.context(1000, 800)) {
            var customer = new WidgetPage(context.newPage(), false).openShop(suite.origin());
            var keys = new KeyboardUser(customer.page);
            keys.tabTo(customer.launcher()).press("Enter");
            assertThat(customer.find("[role=dialog]")).isVisible();
            assertThat(customer.find("textarea[name=question]")).isFocused();
            keys.type("How long does shipping take?");
            keys.tabTo(customer.find("input[name=name]")).type("Kay");
            keys.tabTo(customer.find("input[name=email]")).type("kay@example.com");
            keys.tabTo(customer.find("form.prechat button.send")).press("Space");
            assertThat(customer.composer()).isFocused();
            assertThat(customer.find(".msg.bot")).containsText("2 to 4 working days");

            Locator agentOffer = customer.find(".quick button").filter(new Locator.FilterOptions().setHasText("Talk to an agent"));
            keys.shiftTabTo(agentOffer).press("Enter");
            assertThat(customer.status()).containsText(Pattern.compile("in line"));
            assertThat(customer.composer()).isFocused();
            keys.type("Kay, from the keyboard").press("Enter");
            assertThat(customer.message("Kay, from the keyboard")).isVisible();

            keys.tabTo(customer.page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Agent console")));
            keys.shiftTabTo(customer.composer()).press("Escape");
            assertThat(customer.find("[role=dialog]")).isHidden();
            assertThat(customer.launcher()).isFocused();
            assertThat(customer.launcher()).hasAttribute("aria-expanded", "false");
        }
    }

    /**
     * An admin signs in, opens the waiting conversation from the queue, accepts it, replies and goes
     * on to every admin screen with the keyboard alone; where a control goes away under the focus
     * (a list drawn again, an action done), the focus stays put or moves on to the reply box.
     */
    @Test
    @Order(5)
    void anAgentAnswersAndReachesTheAdminScreensWithTheKeyboardAlone() {
        try (BrowserContext agentContext = chromium.context(1300, 850); BrowserContext customerContext = chromium.context(1000, 800)) {
            var customer = askForAnAgent(customerContext, "Lee");
            Page page = agentContext.newPage();
            var agent = new ConsolePage(page);
            var keys = new KeyboardUser(page);
            page.navigate(suite.origin() + "/console");
            assertThat(page.locator("input[name=email]")).isFocused();
            keys.type(admin.email()).tabTo(page.locator("input[name=password]")).type(adminPassword).press("Enter");
            assertThat(agent.connection()).hasText("Connected");

            Locator queue = page.locator("[role=tab][data-tab=queue]");
            keys.tabTo(queue).press("Enter");
            assertThat(queue).hasAttribute("aria-selected", "true");
            assertThat(queue).isFocused();
            Locator waiting = agent.listItem("Lee");
            keys.tabTo(waiting).press("Enter");
            assertThat(page.locator(".conv-head h2")).hasText("Lee");
            assertThat(waiting).isFocused();

            keys.tabTo(page.locator(".conv-head").getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Accept").setExact(true)))
                    .press("Space");
            assertThat(agent.status()).hasText("ACTIVE");
            assertThat(agent.composer()).isFocused();
            keys.type("Hello Lee, I am on it.").press("Enter");
            assertThat(agent.message("Hello Lee, I am on it.")).isVisible();
            assertThat(customer.message("Hello Lee, I am on it.")).isVisible();

            keys.shiftTabTo(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Admin").setExact(true))).press("Enter");
            assertThat(page.locator("nav.admin-nav")).isVisible();
            for (String screen : new String[] {"Departments", "Agents", "Canned replies", "FAQ", "Inboxes"}) {
                Locator button = page.locator("nav.admin-nav").getByRole(AriaRole.BUTTON,
                        new Locator.GetByRoleOptions().setName(screen).setExact(true));
                keys.tabTo(button).press("Enter");
                assertThat(page.locator("h2")).hasText(screen);
                assertThat(button).hasAttribute("aria-current", "page");
                assertThat(button).isFocused();
            }
        }
    }

    /**
     * On a phone the open panel covers the page, so it is a modal dialog there: Tab and Shift+Tab go
     * round inside it instead of on to the page hidden under it, and Escape still leaves.
     */
    @Test
    @Order(6)
    void onAPhoneTheOpenPanelKeepsTheFocusInside() {
        try (BrowserContext phone = chromium.context(360, 740)) {
            var customer = new WidgetPage(phone.newPage(), false).openShop(suite.origin());
            var keys = new KeyboardUser(customer.page);
            keys.tabTo(customer.launcher()).press("Enter");
            Locator panel = customer.find("[role=dialog]");
            assertThat(panel).hasAttribute("aria-modal", "true");
            assertThat(customer.find("textarea[name=question]")).isFocused();
            // Five stops in the pre-chat form (close, question, name, email, Start chat): twice round each way.
            keys.staysWithin(panel, "Tab", 10).staysWithin(panel, "Shift+Tab", 10);
            keys.press("Escape");
            assertThat(panel).isHidden();
            assertThat(customer.launcher()).isFocused();
        }
    }

    /**
     * An admin's own accent, light yellow: the widget puts black text on it and a darker shade of
     * it for text on white, so the contrast holds whatever colour the inbox has.
     */
    @Test
    @Order(7)
    void aLightAccentColourKeepsTheWidgetReadable() {
        try (BrowserContext adminContext = chromium.context(1300, 900); BrowserContext context = chromium.contextBypassingCsp(1000, 800)) {
            var screens = new AdminPage(adminContext.newPage()).signIn(suite.origin(), admin.email(), adminPassword);
            Locator inbox = screens.open("Edit Demo shop", "Edit inbox Demo shop");
            screens.field(inbox, "widgetColour").fill("#ffd43b");
            screens.click(inbox, "Save inbox");
            assertThat(screens.status()).containsText("saved");

            var customer = new WidgetPage(context.newPage(), false).openShop(suite.origin()).open()
                    .startWith("How long does shipping take?", "Yara", "yara@example.com");
            assertThat(customer.find("header")).hasCSS("background-color", "rgb(255, 212, 59)");
            assertThat(customer.find(".msg.bot")).containsText("2 to 4 working days");
            Accessibility.assertNoSeriousViolations(customer.page, "the widget with a light yellow accent");
        }
    }

    /** A customer, in a browser of their own, asks the FAQ bot and then for an agent (with the mouse: not under test here). */
    private static WidgetPage askForAnAgent(BrowserContext context, String name) {
        var customer = new WidgetPage(context.newPage(), false).openShop(suite.origin()).open()
                .startWith("Where is my parcel?", name, name.toLowerCase() + "@example.com");
        Locator offers = customer.find(".quick button");
        assertThat(offers.last()).hasText("Talk to an agent");
        offers.last().click();
        assertThat(customer.status()).containsText(Pattern.compile("line|chatting"));
        return customer;
    }
}
