package dev.parley.standalone;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Path;

/**
 * The demo shop page with the widget, as a customer uses it. Locators pierce the widget's open
 * shadow root. Its socket goes through a {@link SocketLine}, so a test can send the customer away.
 */
final class WidgetPage {

    private static final String WIDGET = "#parley-widget >> ";

    final Page page;
    /** The widget's socket to the gateway, which a test may cut and restore. */
    final SocketLine line;

    WidgetPage(Page page) {
        this(page, true);
    }

    /** @param routed whether the socket goes through a {@link SocketLine}; without, {@link #line} is null */
    WidgetPage(Page page, boolean routed) {
        this.page = page;
        this.line = routed ? SocketLine.of(page) : null;
    }

    /** A page of the customer's own site with the widget's snippet on it. */
    WidgetPage openSite(String url) {
        page.navigate(url);
        assertThat(launcher()).isVisible();
        return this;
    }

    WidgetPage openShop(String baseUrl) {
        page.navigate(baseUrl + "/");
        assertThat(launcher()).isVisible();
        return this;
    }

    Locator launcher() {
        return page.locator(WIDGET + ".launcher");
    }

    Locator find(String selector) {
        return page.locator(WIDGET + selector);
    }

    WidgetPage open() {
        launcher().click();
        assertThat(find(".panel")).isVisible();
        return this;
    }

    /** Fills the pre-chat form: the question first, as it asks, then who the customer is; sends it as the first message. */
    WidgetPage startWith(String question, String name, String email) {
        find("textarea[name=question]").fill(question);
        find("input[name=name]").fill(name);
        find("input[name=email]").fill(email);
        find("button.send").click();
        assertThat(composer()).isVisible();
        return this;
    }

    Locator composer() {
        return find("textarea");
    }

    WidgetPage send(String text) {
        composer().fill(text);
        composer().press("Enter");
        return this;
    }

    Locator message(String text) {
        return find(".msg").filter(new Locator.FilterOptions().setHasText(text));
    }

    Locator status() {
        return find(".status");
    }

    void screenshot(Path file) {
        page.screenshot(new Page.ScreenshotOptions().setPath(file));
    }

    Locator button(Locator scope, String name) {
        return scope.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName(name).setExact(true));
    }
}
