package dev.parley.events.json;

/** Bytes that are not a readable event envelope. Consumers dead-letter them and move on. */
public final class MalformedEventException extends RuntimeException {

    public MalformedEventException(String message) {
        super(message);
    }

    public MalformedEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
