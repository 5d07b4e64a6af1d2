package dev.parley.gateway.socket.application;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * A frame waiting to be written to one or more sockets: its UTF-8 bytes, built once and shared by
 * every socket it goes to (never changed after).
 *
 * @param type       the frame's type, for the frames-out counter
 * @param utf8       the JSON text's bytes
 * @param occurredAt for event frames, when the event happened (delivery latency); else {@code null}
 */
public record Outgoing(String type, byte[] utf8, Instant occurredAt) {

    public static Outgoing reply(String type, String text) {
        return new Outgoing(type, text.getBytes(StandardCharsets.UTF_8), null);
    }

    /** The JSON text (for tests and logs; the wire takes the bytes). */
    public String text() {
        return new String(utf8, StandardCharsets.UTF_8);
    }
}
