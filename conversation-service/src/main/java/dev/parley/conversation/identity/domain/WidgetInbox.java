package dev.parley.conversation.identity.domain;

import java.util.Objects;
import java.util.UUID;

/** What the widget's authentication needs of an inbox. */
public record WidgetInbox(UUID id, AllowedOrigins allowedOrigins, String hmacSecret) {

    public WidgetInbox {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(allowedOrigins, "allowedOrigins");
        Objects.requireNonNull(hmacSecret, "hmacSecret");
    }

    public boolean proves(String userId, String userHash) {
        return HostUserProof.proves(hmacSecret, userId, userHash);
    }
}
