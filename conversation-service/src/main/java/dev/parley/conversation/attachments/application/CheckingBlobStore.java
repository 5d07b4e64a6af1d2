package dev.parley.conversation.attachments.application;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

/**
 * Proves at start that the blob store takes a file, by putting a small one and deleting it: a
 * store that cannot be written (a read-only file system, a missing bucket, wrong credentials)
 * fails the start, instead of the first customer's upload (issue 15, defect 7).
 */
public final class CheckingBlobStore {

    private CheckingBlobStore() {
    }

    /**
     * @param spool       where the probe file is written first
     * @param description the store as the settings name it, for the message
     */
    public static void verify(BlobStore store, Path spool, String description, Duration timeout) {
        String key = "startup-check/" + UUID.randomUUID();
        Path probe;
        try {
            Files.createDirectories(spool);
            probe = Files.createTempFile(spool, "parley-store-check-", ".txt");
            Files.writeString(probe, "Parley checks that it can write here; this file is deleted at once.");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the probe file in " + spool, e);
        }
        try {
            store.put(key, probe).then(store.delete(key)).block(timeout);
        } catch (RuntimeException e) {
            throw new IllegalStateException("The attachment store (" + description + ") is not writable: "
                    + e.getMessage() + " (docs/operations.md#attachment-settings-parleyattachments-conversation-service)", e);
        } finally {
            try {
                Files.deleteIfExists(probe);
            } catch (IOException ignored) {
                // a temp file left behind is harmless
            }
        }
    }
}
