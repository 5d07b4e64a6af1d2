package dev.parley.conversation.directory.domain;

import java.util.List;
import java.util.UUID;

/**
 * One website's widget, and what it shows: a title, a colour ({@code #rrggbb}) and a greeting,
 * each null for the widget's default, and whether it asks for name and email first.
 */
public record Inbox(UUID id, String name, String publicKey, List<String> allowedOrigins, boolean botEnabled,
                    UUID defaultDepartmentId, String widgetTitle, String widgetColour, String greeting,
                    boolean preChatForm) {

    public Inbox {
        allowedOrigins = List.copyOf(allowedOrigins);
    }
}
