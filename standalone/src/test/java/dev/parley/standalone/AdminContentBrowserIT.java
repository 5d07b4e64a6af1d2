package dev.parley.standalone;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.parley.standalone.demo.DemoData.DemoAgent;
import java.nio.file.Path;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The canned-reply and FAQ admin screens in headless Chromium on the demo suite: a refusal shows
 * beside the field it names, a saved team reply is listed, and "try a question" names the entry
 * the bot picks. Screenshots land in {@code target/browser/}.
 */
class AdminContentBrowserIT {

    private static final Path ARTIFACTS = Path.of("target", "browser");

    @AutoClose
    private static SystemChromium chromium;
    @TempDir
    static Path dataDirectory;
    @AutoClose
    private static Suite suite;
    private static DemoAgent admin;
    private static String adminPassword;

    @BeforeAll
    static void start() {
        chromium = SystemChromium.launchOrSkip();
        suite = Suite.embedded(dataDirectory);
        admin = suite.demo().agents().stream().filter(DemoAgent::admin).findFirst().orElseThrow();
        adminPassword = admin.newPassword().orElseThrow();
    }

    @Test
    void anAdminKeepsTeamRepliesAndTriesTheFaqBot() {
        try (BrowserContext context = chromium.context(1300, 900)) {
            Page page = context.newPage();
            page.navigate(suite.origin() + "/console/admin#canned");
            page.locator("input[name=email]").fill(admin.email());
            page.locator("input[name=password]").fill(adminPassword);
            page.locator("button[type=submit]").click();

            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("New team reply")).click();
            Locator form = page.locator("form[aria-label='New team reply']");
            form.locator("input[name=shortcut]").fill("Not a shortcut!");
            form.locator("textarea[name=body]").fill("Hello {customer.name}, thanks for waiting.");
            form.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save reply")).click();
            assertThat(form.locator("input[name=shortcut]")).hasAttribute("aria-invalid", "true");
            assertThat(form.locator(".field-error")).containsText("a-z");
            page.screenshot(new Page.ScreenshotOptions().setPath(ARTIFACTS.resolve("admin-canned-invalid.png")));

            form.locator("input[name=shortcut]").fill("thanks");
            form.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save reply")).click();
            assertThat(page.locator(".admin-table").first()).containsText("/thanks");
            assertThat(page.locator(".admin-table").first()).containsText("Everyone");
            page.screenshot(new Page.ScreenshotOptions().setPath(ARTIFACTS.resolve("admin-canned.png")));

            page.locator(".admin-nav").getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("FAQ")).click();
            Locator trying = page.locator("form[aria-label='Try a question']");
            trying.locator("input[name=question]").fill("how long will shipping take");
            trying.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Ask the bot")).click();
            assertThat(trying.locator(".verdict")).containsText("How long does shipping take?");
            assertThat(trying.locator(".candidates li.picked")).containsText("How long does shipping take?");
            page.screenshot(new Page.ScreenshotOptions().setPath(ARTIFACTS.resolve("admin-faq.png")));
        }
    }
}
