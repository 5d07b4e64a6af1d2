package dev.parley.conversation.directory.domain;

import java.util.List;
import java.util.UUID;

/** One website's widget. */
public record Inbox(UUID id, String name, String publicKey, List<String> allowedOrigins, boolean botEnabled,
                    UUID defaultDepartmentId) {

    public Inbox {
        allowedOrigins = List.copyOf(allowedOrigins);
    }
}
