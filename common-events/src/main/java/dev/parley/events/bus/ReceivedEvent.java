package dev.parley.events.bus;

import dev.parley.events.EventHeader;
import java.util.Objects;

/**
 * An event handed to a {@link RawEventHandler}: its header, already read, and its bytes exactly
 * as they were published (splice them; decode them only if a decision needs the payload).
 */
public record ReceivedEvent(EventHeader header, byte[] bytes) {

    public ReceivedEvent {
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(bytes, "bytes");
    }
}
