package dev.parley.standalone;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Path;

/**
 * The admin screens (/console/admin), as an admin uses them. Confirmation dialogs (rotate a
 * secret, deactivate an agent) are accepted, as the admin clicks OK.
 */
final class AdminPage {

    final Page page;

    AdminPage(Page page) {
        this.page = page;
        page.onDialog(dialog -> dialog.accept());
    }

    AdminPage signIn(String baseUrl, String email, String password) {
        page.navigate(baseUrl + "/console/admin");
        page.locator("input[name=email]").fill(email);
        page.locator("input[name=password]").fill(password);
        page.locator("button[type=submit]").click();
        assertThat(page.locator("nav.admin-nav")).isVisible();
        return this;
    }

    AdminPage screen(String name) {
        page.locator("nav.admin-nav").getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName(name).setExact(true)).click();
        assertThat(page.locator("h2")).hasText(name);
        return this;
    }

    /** Clicks a button of the screen (New inbox, Invite agent, Edit …) and answers the form it opens. */
    Locator open(String button, String form) {
        page.locator(".admin-body").getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName(button).setExact(true)).click();
        Locator opened = form(form);
        assertThat(opened).isVisible();
        return opened;
    }

    Locator form(String label) {
        return page.locator("form[aria-label='" + label + "']");
    }

    Locator field(Locator form, String name) {
        return form.locator("[name='" + name + "']");
    }

    void click(Locator form, String button) {
        form.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName(button).setExact(true)).click();
    }

    Locator row(String text) {
        return page.locator(".admin-table tbody tr").filter(new Locator.FilterOptions().setHasText(text));
    }

    Locator status() {
        return page.locator(".admin-status");
    }

    /** The value of a copyable field (embed snippet, identity secret, password link), once it is shown. */
    String copied(String id) {
        Locator value = page.locator("#" + id);
        assertThat(value).not().hasValue("");
        return value.inputValue();
    }

    void screenshot(Path file) {
        page.screenshot(new Page.ScreenshotOptions().setPath(file).setFullPage(true));
    }
}
