package dev.parley.conversation.attachments.application;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Receives an upload onto local disk, chunk by chunk, so neither its size nor its type has to be
 * trusted before the bytes are in hand and nothing but one chunk is ever in memory.
 */
public interface UploadSpool {

    /** A received upload: a private file with its size and SHA-256 (hex). */
    record Spooled(Path file, long size, String sha256) {
    }

    /**
     * Writes {@code content} to a new private file, counting and hashing as it goes. As soon as more
     * than {@code maxBytes} have arrived, the source is cancelled, the file deleted and the Mono
     * fails with {@link TooLargeException}; on any other failure or cancellation the file is deleted
     * too. So at most {@code maxBytes} plus one chunk ever reach the disk.
     */
    Mono<Spooled> receive(Flux<ByteBuffer> content, long maxBytes);

    /** Deletes the file of a received upload; idempotent. */
    Mono<Void> discard(Spooled spooled);

    /** The upload went past the limit. */
    final class TooLargeException extends RuntimeException {

        public TooLargeException(long maxBytes) {
            super("more than " + maxBytes + " bytes");
        }
    }
}
