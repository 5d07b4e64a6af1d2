package dev.parley.gateway.socket.application;

import org.springframework.web.reactive.socket.CloseStatus;

/**
 * The connection under one {@link ClientSocket}. {@link #write}, {@link #flush} and {@link #close}
 * are called only from tasks given to {@link #execute}, so they take effect in the order those
 * tasks ran; the others from any thread.
 */
public interface Wire {

    /** For logs. */
    String id();

    /** Runs {@code task} on the connection's own thread, after the tasks given before it. */
    void execute(Runnable task);

    /** Queues a text frame of these UTF-8 bytes; {@code written} runs once, when it went out or could not. */
    void write(byte[] utf8, Runnable written);

    /** Sends what {@link #write} queued. */
    void flush();

    /** Sends a close frame after what is written, then closes the connection. */
    void close(CloseStatus status);

    /** Closes the connection at once: frames not sent yet, the close frame included, may be lost. */
    void abort(CloseStatus status);

    /** Sends a WebSocket ping (any thread); a live client answers with a pong. */
    void ping();
}
