package dev.parley.conversation.attachments.adapter.filesystem;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.conversation.attachments.application.BlobStore;
import dev.parley.conversation.attachments.application.BlobStoreContract;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class FilesystemBlobStoreTest extends BlobStoreContract {

    private Path root;

    @Override
    protected BlobStore newStore() throws IOException {
        root = Files.createDirectories(scratch.resolve("blobs"));
        return new FilesystemBlobStore(root);
    }

    @Test
    void aFailedPutLeavesNoTemporaryFileBehind() throws IOException {
        var store = new FilesystemBlobStore(root);
        store.put("attachments/x", scratch.resolve("missing")).onErrorComplete().block();

        try (Stream<Path> files = Files.walk(root)) {
            assertThat(files.filter(Files::isRegularFile)).isEmpty();
        }
    }
}
