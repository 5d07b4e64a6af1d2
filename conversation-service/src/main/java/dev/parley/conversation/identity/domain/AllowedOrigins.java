package dev.parley.conversation.identity.domain;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The web origins ({@code scheme://host[:port]}) an inbox's widget may run on, compared exactly
 * (case-insensitive, a trailing slash ignored; no wildcards).
 *
 * <p>An empty list allows any origin, and then also requests without one: that is how an inbox
 * serves a mobile app or a server-side integration. A non-empty list refuses a request without an
 * {@code Origin} header, since every browser sends one on the widget's cross-site POST. Origin is a
 * browser guard against other sites embedding the widget, not authentication: a script outside a
 * browser can send any header.
 */
public record AllowedOrigins(List<String> origins) {

    public AllowedOrigins {
        origins = origins.stream().map(AllowedOrigins::normalize).toList();
    }

    public boolean allow(Optional<String> origin) {
        if (origins.isEmpty()) {
            return true;
        }
        return origin.map(AllowedOrigins::normalize).filter(origins::contains).isPresent();
    }

    private static String normalize(String origin) {
        String trimmed = origin.trim().toLowerCase(Locale.ROOT);
        return trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
    }
}
