package dev.parley.conversation.pages.domain;

import dev.parley.conversation.shared.domain.Outcome;
import dev.parley.conversation.shared.domain.Rejection;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;

/**
 * The host page a customer is on, as their widget reports it: an absolute {@code http(s)} URL and
 * the page's title (none when the page has none). Agents open the URL from the sidebar, so anything
 * but http(s) (a {@code javascript:} link above all) is refused, as are control characters and
 * lengths past what a sidebar shows.
 */
public record CurrentPage(String url, String title) {

    public static final String INVALID = "page.invalid";
    /** Longer URLs exist, but browsers and proxies start failing past 2,048 characters; a sidebar needs less. */
    public static final int MAX_URL = 2048;
    /** Titles are cut far earlier in a tab; 300 keeps a long one readable and bounds the row. */
    public static final int MAX_TITLE = 300;
    private static final Set<String> SCHEMES = Set.of("http", "https");

    public static Outcome<CurrentPage> of(String url, String title) {
        if (url == null || url.isBlank()) {
            return invalid("url", "url is required");
        }
        if (url.length() > MAX_URL) {
            return invalid("url", "url may have at most " + MAX_URL + " characters");
        }
        if (!isWebAddress(url)) {
            return invalid("url", "url must be an absolute http or https URL");
        }
        String shown = title == null || title.isBlank() ? null : title.strip();
        if (shown != null && shown.length() > MAX_TITLE) {
            return invalid("title", "title may have at most " + MAX_TITLE + " characters");
        }
        if (shown != null && shown.chars().anyMatch(Character::isISOControl)) {
            return invalid("title", "title may not hold control characters");
        }
        return Outcome.accepted(new CurrentPage(url, shown));
    }

    private static boolean isWebAddress(String url) {
        try {
            URI uri = new URI(url);
            return uri.getScheme() != null && SCHEMES.contains(uri.getScheme().toLowerCase(Locale.ROOT))
                    && uri.getHost() != null && !uri.getHost().isEmpty();
        } catch (URISyntaxException malformed) {
            return false;
        }
    }

    private static Outcome<CurrentPage> invalid(String field, String message) {
        return Outcome.rejected(Rejection.invalid(INVALID, field, message));
    }
}
