package dev.parley.standalone;

import static org.assertj.core.api.Assertions.fail;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Someone with a keyboard and no mouse: Tab, Shift+Tab, Enter, Space, Escape and typing, through
 * {@link Page#keyboard()} only. Every stop the focus makes on the way must be visible (a
 * {@code :focus-visible} outline or shadow); the focus reaches the element wanted within a bound,
 * or the test fails with the path it took, so focus that is lost or trapped shows.
 */
final class KeyboardUser {

    /** More stops than any of our screens has between two controls; a focus that needs more is lost or trapped. */
    private static final int MAX_STOPS = 60;
    /** The focused element, through open shadow roots, and whether its focus is seen; {@code null} when nothing is focused. */
    private static final String FOCUS = """
            () => {
              let e = document.activeElement;
              while (e && e.shadowRoot && e.shadowRoot.activeElement) e = e.shadowRoot.activeElement;
              if (!e || e === document.body) return null;
              const s = getComputedStyle(e);
              const outlined = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0;
              const name = e.getAttribute('aria-label') || e.getAttribute('name') || (e.textContent || '').trim().slice(0, 30);
              return { what: e.tagName.toLowerCase() + (e.className ? '.' + String(e.className).split(' ')[0] : '') + ' "' + name + '"',
                seen: e.matches(':focus-visible') && (outlined || s.boxShadow !== 'none') };
            }""";
    private static final String IS_FOCUSED = """
            (target) => {
              let e = document.activeElement;
              while (e && e.shadowRoot && e.shadowRoot.activeElement) e = e.shadowRoot.activeElement;
              return e === target;
            }""";

    private static final String CONTAINS_FOCUS = """
            (region) => {
              let e = document.activeElement;
              while (e && e.shadowRoot && e.shadowRoot.activeElement) e = e.shadowRoot.activeElement;
              return region.contains(e);
            }""";

    private final Page page;

    KeyboardUser(Page page) {
        this.page = page;
    }

    /** Presses Tab until {@code target} has the focus. */
    KeyboardUser tabTo(Locator target) {
        return move("Tab", target);
    }

    /** Presses Shift+Tab until {@code target} has the focus. */
    KeyboardUser shiftTabTo(Locator target) {
        return move("Shift+Tab", target);
    }

    /** Presses {@code key} (Tab, Shift+Tab) {@code times} times; the focus must stay inside {@code region} at every stop. */
    KeyboardUser staysWithin(Locator region, String key, int times) {
        List<String> path = new ArrayList<>();
        for (int stop = 0; stop < times; stop++) {
            page.keyboard().press(key);
            @SuppressWarnings("unchecked")
            Map<String, Object> focused = (Map<String, Object>) page.evaluate(FOCUS);
            path.add(focused == null ? "(the browser)" : (String) focused.get("what"));
            if (focused == null || !(Boolean) region.evaluate(CONTAINS_FOCUS)) {
                fail("%s took the focus out of %s: %s", key, region, path);
            }
        }
        return this;
    }

    KeyboardUser press(String key) {
        page.keyboard().press(key);
        return this;
    }

    KeyboardUser type(String text) {
        page.keyboard().type(text);
        return this;
    }

    private KeyboardUser move(String key, Locator target) {
        List<String> path = new ArrayList<>();
        for (int stop = 0; stop < MAX_STOPS; stop++) {
            page.keyboard().press(key);
            @SuppressWarnings("unchecked")
            Map<String, Object> focused = (Map<String, Object>) page.evaluate(FOCUS);
            if (focused == null) {
                path.add("(the browser)");
                continue;
            }
            path.add((String) focused.get("what"));
            if (!(Boolean) focused.get("seen")) {
                fail("The focus on %s is not visible (no :focus-visible outline); %s went: %s", focused.get("what"), key, path);
            }
            if ((Boolean) target.evaluate(IS_FOCUSED)) {
                return this;
            }
        }
        fail("%s did not reach %s in %d presses; the focus went: %s", key, target, MAX_STOPS, path);
        return this;
    }
}
