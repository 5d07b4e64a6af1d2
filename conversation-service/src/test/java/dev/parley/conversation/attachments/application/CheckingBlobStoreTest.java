package dev.parley.conversation.attachments.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.conversation.attachments.adapter.filesystem.FilesystemBlobStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15, defect 7: on a read-only root file system the default directory could not be written,
 * and nobody learnt it until a customer's upload failed.
 */
class CheckingBlobStoreTest {

    @TempDir
    Path scratch;

    @Test
    void aStoreThatCannotBeWrittenFailsTheStartNamingWhatWasTried() throws IOException {
        Path notADirectory = Files.writeString(scratch.resolve("a-file"), "x");
        var store = new FilesystemBlobStore(notADirectory.resolve("attachments"));

        assertThatThrownBy(() -> CheckingBlobStore.verify(store, scratch, "filesystem " + notADirectory, Duration.ofSeconds(10)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not writable").hasMessageContaining(notADirectory.toString());
    }

    @Test
    void aWritableStoreKeepsNothingOfTheCheck() throws IOException {
        Path root = scratch.resolve("attachments");
        var store = new FilesystemBlobStore(root);

        assertThatCode(() -> CheckingBlobStore.verify(store, scratch, "filesystem " + root, Duration.ofSeconds(10)))
                .doesNotThrowAnyException();
        try (Stream<Path> left = Files.exists(root) ? Files.walk(root).filter(Files::isRegularFile) : Stream.empty()) {
            assertThat(left).isEmpty();
        }
    }
}
