package dev.parley.gateway.socket.adapter.ws;

import java.time.Instant;

/**
 * A frame waiting to be written to one socket.
 *
 * @param type       the frame's type, for the frames-out counter
 * @param text       the JSON text
 * @param occurredAt for event frames, when the event happened (delivery latency); else {@code null}
 */
public record Outgoing(String type, String text, Instant occurredAt) {

    public static Outgoing reply(String type, String text) {
        return new Outgoing(type, text, null);
    }
}
