package dev.parley.conversation.attachments.application;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Where attachment bytes live, by key ({@code [A-Za-z0-9/_-]}, chosen by Parley, never by a
 * client). Every implementation passes {@code BlobStoreContract}.
 *
 * <ul>
 *   <li><b>put</b> copies a local file under the key. Visibility is atomic: until the returned
 *       Mono completes, {@code get} finds nothing; afterwards it finds all the bytes, never a
 *       prefix. A put that fails or is cancelled leaves nothing visible and nothing behind (no
 *       partial object, no temporary file). Putting an existing key replaces it whole.</li>
 *   <li><b>get</b> streams the bytes in order, in chunks, never the whole blob in memory; an
 *       absent key fails with {@link BlobNotFoundException} when subscribed.</li>
 *   <li><b>delete</b> is idempotent: deleting an absent key succeeds.</li>
 * </ul>
 * Failures of the backing store surface as errors of the returned publishers; nothing is retried
 * inside, so a caller may retry a put or a delete as a whole.
 */
public interface BlobStore {

    Mono<Void> put(String key, Path file);

    Flux<ByteBuffer> get(String key);

    Mono<Void> delete(String key);

    Mono<Boolean> exists(String key);
}
