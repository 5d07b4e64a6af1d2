package dev.parley.conversation.attachments.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.test.StepVerifier;

/**
 * What every {@link BlobStore} guarantees (its Javadoc), run against each implementation, as
 * centrifuge runs one broker suite against memory and Redis. A subclass supplies the store.
 */
public abstract class BlobStoreContract {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @TempDir
    protected Path scratch;

    private BlobStore store;

    /** A store with no blobs under keys this suite will use (keys are random per test). */
    protected abstract BlobStore newStore() throws Exception;

    @BeforeEach
    void createStore() throws Exception {
        store = newStore();
    }

    @Test
    void aPutBlobReadsBackByteForByteInSeveralChunks() throws IOException {
        byte[] content = randomBytes(300_000);
        String key = key();

        store.put(key, file(content)).block(PATIENCE);

        assertThat(read(key)).isEqualTo(content);
        assertThat(store.get(key).count().block(PATIENCE)).as("streamed in chunks, not one buffer").isGreaterThan(1);
        assertThat(store.exists(key).block(PATIENCE)).isTrue();
    }

    @Test
    void nothingIsVisibleBeforeThePutAndAMissingKeyFailsAsNotFound() {
        String key = key();

        assertThat(store.exists(key).block(PATIENCE)).isFalse();
        StepVerifier.create(store.get(key)).expectError(BlobNotFoundException.class).verify(PATIENCE);
    }

    @Test
    void aFailedPutLeavesNothingVisible() {
        String key = key();

        assertThatThrownBy(() -> store.put(key, scratch.resolve("no-such-file")).block(PATIENCE)).isNotNull();

        assertThat(store.exists(key).block(PATIENCE)).isFalse();
    }

    @Test
    void aSecondPutReplacesTheBlobWhole() throws IOException {
        String key = key();
        store.put(key, file(randomBytes(100_000))).block(PATIENCE);
        byte[] shorter = randomBytes(10);

        store.put(key, file(shorter)).block(PATIENCE);

        assertThat(read(key)).isEqualTo(shorter);
    }

    @Test
    void deleteRemovesTheBlobAndIsIdempotent() throws IOException {
        String key = key();
        store.put(key, file(randomBytes(10))).block(PATIENCE);

        store.delete(key).block(PATIENCE);
        store.delete(key).block(PATIENCE);

        assertThat(store.exists(key).block(PATIENCE)).isFalse();
        StepVerifier.create(store.get(key)).expectError(BlobNotFoundException.class).verify(PATIENCE);
    }

    @Test
    void aKeyThatCouldClimbOutOfTheStoreIsRefused() throws IOException {
        Path file = file(randomBytes(10));

        for (String key : new String[] {"../escape", "/absolute", "a/../../b", "a//b", "", "with space"}) {
            assertThatThrownBy(() -> store.put(key, file).block(PATIENCE)).as(key)
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    private byte[] read(String key) {
        var out = new ByteArrayOutputStream();
        store.get(key).doOnNext(chunk -> {
            byte[] bytes = new byte[chunk.remaining()];
            chunk.get(bytes);
            out.writeBytes(bytes);
        }).then().block(PATIENCE);
        return out.toByteArray();
    }

    private Path file(byte[] content) throws IOException {
        return Files.write(Files.createTempFile(scratch, "blob-", ".bin"), content);
    }

    private static String key() {
        return "attachments/" + UUID.randomUUID();
    }

    private static byte[] randomBytes(int size) {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        return bytes;
    }
}
