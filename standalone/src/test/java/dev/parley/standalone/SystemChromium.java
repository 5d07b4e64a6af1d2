package dev.parley.standalone;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * The machine's own Chromium (Debian's {@code chromium}), driven by Playwright; nothing is ever
 * downloaded. Without it the browser tests are skipped with a notice, or fail when
 * {@code PARLEY_REQUIRE_BROWSER=true} (CI), so a missing browser can't pass for a green run.
 */
final class SystemChromium implements AutoCloseable {

    /** {@code PARLEY_CHROMIUM} names another binary. */
    private static final String DEFAULT_BINARY = "/usr/bin/chromium";
    private static final List<String> FLAGS = List.of("--headless", "--no-sandbox", "--disable-gpu",
            "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run");

    /** Generous: the first page loads while the suite is still warming up on a shared machine. */
    private static final double PATIENCE_MS = 30_000;

    private final Playwright playwright;
    final Browser browser;

    private SystemChromium(Playwright playwright, Browser browser) {
        this.playwright = playwright;
        this.browser = browser;
    }

    static SystemChromium launchOrSkip() {
        Path binary = Path.of(System.getenv().getOrDefault("PARLEY_CHROMIUM", DEFAULT_BINARY));
        if (!Files.isExecutable(binary)) {
            String notice = "No Chromium at " + binary + " (apt-get install -y chromium, or set PARLEY_CHROMIUM)";
            if (Boolean.parseBoolean(System.getenv("PARLEY_REQUIRE_BROWSER"))) {
                Assertions.fail(notice + "; PARLEY_REQUIRE_BROWSER=true");
            }
            System.err.println("SKIPPED browser tests: " + notice);
            Assumptions.abort(notice);
        }
        PlaywrightAssertions.setDefaultAssertionTimeout(PATIENCE_MS);
        Playwright playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        try {
            return new SystemChromium(playwright, playwright.chromium().launch(new BrowserType.LaunchOptions()
                    .setExecutablePath(binary).setHeadless(true).setArgs(FLAGS)));
        } catch (RuntimeException e) {
            playwright.close();
            throw e;
        }
    }

    /** A fresh browser profile (its own storage, as another person's browser) with a viewport of that size. */
    BrowserContext context(int width, int height) {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(width, height));
        context.setDefaultTimeout(PATIENCE_MS);
        return context;
    }

    /**
     * The same, with the pages' Content-Security-Policy off, so a test may add a script of its own
     * (axe-core, see {@link Accessibility}) to pages whose policy allows only their own.
     */
    BrowserContext contextBypassingCsp(int width, int height) {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(width, height).setBypassCSP(true));
        context.setDefaultTimeout(PATIENCE_MS);
        return context;
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }
}
