package dev.parley.standalone;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.List;
import java.util.regex.Pattern;

/** The agent console, as an agent uses it. */
final class ConsolePage {

    final Page page;

    ConsolePage(Page page) {
        this.page = page;
    }

    ConsolePage signIn(String baseUrl, String email, String password) {
        page.navigate(baseUrl + "/console");
        page.locator("input[name=email]").fill(email);
        page.locator("input[name=password]").fill(password);
        page.locator("button[type=submit]").click();
        assertThat(connection()).hasText("Connected");
        return this;
    }

    Locator connection() {
        return page.locator(".conn");
    }

    ConsolePage goOnline() {
        page.locator("select[aria-label='Your status']").selectOption("ONLINE");
        return this;
    }

    ConsolePage tab(String name) {
        page.getByRole(AriaRole.TAB, new Page.GetByRoleOptions().setName(Pattern.compile("^" + name))).click();
        return this;
    }

    Locator listItem(String text) {
        return page.locator(".list .item").filter(new Locator.FilterOptions().setHasText(text));
    }

    Locator composer() {
        return page.locator(".composer textarea");
    }

    ConsolePage send(String text) {
        composer().fill(text);
        composer().press("Enter");
        return this;
    }

    ConsolePage note(String text) {
        page.locator("input[aria-label='Private note']").check();
        send(text);
        page.locator("input[aria-label='Private note']").uncheck();
        return this;
    }

    /** Creates a personal canned reply through the REST API, with the console's own token; answers the status. */
    int createCannedReply(String shortcut, String body) {
        Object status = page.evaluate("""
                async ([shortcut, body]) => {
                  const token = JSON.parse(sessionStorage.getItem('parley.console')).accessToken;
                  const response = await fetch('/api/v1/canned-replies', { method: 'POST',
                    headers: { 'Content-Type': 'application/json', Authorization: 'Bearer ' + token },
                    body: JSON.stringify({ shortcut, body, team: false }) });
                  return response.status;
                }""", List.of(shortcut, body));
        return ((Number) status).intValue();
    }

    ConsolePage search(String text) {
        page.locator("input[type=search]").fill(text);
        page.locator("input[type=search]").press("Enter");
        return this;
    }

    Locator message(String text) {
        return page.locator(".log .msg").filter(new Locator.FilterOptions().setHasText(text));
    }

    Locator typing() {
        return page.locator(".typing");
    }

    Locator status() {
        return page.locator(".conv-head .pill");
    }

    ConsolePage act(String action) {
        page.locator(".conv-head").getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName(action).setExact(true)).click();
        return this;
    }
}
