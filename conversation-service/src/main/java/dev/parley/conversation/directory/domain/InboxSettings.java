package dev.parley.conversation.directory.domain;

import dev.parley.conversation.shared.domain.Rejection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/** What an admin may change of an inbox; {@link #problem()} names the first field that is wrong. */
public record InboxSettings(String name, List<String> allowedOrigins, String widgetTitle, String widgetColour,
                            String greeting, boolean preChatForm, boolean botEnabled, UUID defaultDepartmentId) {

    public static final String INVALID = "inbox.invalid";
    /** An origin as browsers send it: scheme, host and an optional port, no path. */
    private static final Pattern ORIGIN = Pattern.compile("https?://[A-Za-z0-9.-]+(:[0-9]{1,5})?");
    private static final Pattern COLOUR = Pattern.compile("#[0-9a-fA-F]{6}");
    /** The widget's header has room for about this much. */
    static final int MAX_TITLE = 60;
    static final int MAX_GREETING = 500;

    public InboxSettings {
        allowedOrigins = allowedOrigins == null ? List.of() : List.copyOf(allowedOrigins);
        name = strippedOrNull(name);
        widgetTitle = strippedOrNull(widgetTitle);
        widgetColour = strippedOrNull(widgetColour);
        greeting = strippedOrNull(greeting);
    }

    public Optional<Rejection> problem() {
        if (name == null || name.length() > 100) {
            return invalid("name", "a name of 1 to 100 characters");
        }
        for (String origin : allowedOrigins) {
            if (origin == null || !ORIGIN.matcher(origin).matches()) {
                return invalid("allowedOrigins", "origins look like https://example.com or http://localhost:8080");
            }
        }
        if (widgetTitle != null && widgetTitle.length() > MAX_TITLE) {
            return invalid("widgetTitle", "at most " + MAX_TITLE + " characters");
        }
        if (widgetColour != null && !COLOUR.matcher(widgetColour).matches()) {
            return invalid("widgetColour", "a colour like #1a73e8");
        }
        if (greeting != null && greeting.length() > MAX_GREETING) {
            return invalid("greeting", "at most " + MAX_GREETING + " characters");
        }
        if (defaultDepartmentId == null) {
            return invalid("defaultDepartmentId", "an inbox needs a default department");
        }
        return Optional.empty();
    }

    private static Optional<Rejection> invalid(String field, String message) {
        return Optional.of(Rejection.invalid(INVALID, field, message));
    }

    private static String strippedOrNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
