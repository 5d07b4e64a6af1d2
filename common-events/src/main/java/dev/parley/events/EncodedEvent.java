package dev.parley.events;

import java.util.Objects;

/**
 * An event as it travels: encoded once where it is recorded ({@code EventCodec}) and carried as
 * those bytes through the event log, the outbox, the bus, the gateways' node channels and into the
 * socket frame. Whoever needs to decide something reads its {@link EventHeader}; only a consumer
 * that needs the payload decodes it whole.
 *
 * @param key   the partition key ({@link EventEnvelope#key()})
 * @param bytes the encoded envelope; never modified, never copied on the way
 */
public record EncodedEvent(String key, byte[] bytes) {

    public EncodedEvent {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(bytes, "bytes");
    }
}
