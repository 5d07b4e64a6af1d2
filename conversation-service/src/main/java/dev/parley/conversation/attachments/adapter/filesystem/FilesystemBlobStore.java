package dev.parley.conversation.attachments.adapter.filesystem;

import dev.parley.conversation.attachments.adapter.blob.BlobKeys;
import dev.parley.conversation.attachments.adapter.blob.ChunkedReads;
import dev.parley.conversation.attachments.application.BlobNotFoundException;
import dev.parley.conversation.attachments.application.BlobStore;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.atomic.AtomicBoolean;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Blobs as files under one directory. A put copies into a hidden temporary file beside the target,
 * flushes it to disk and renames it into place (atomic on one file system), so a reader never sees
 * a partial file; a failed put deletes its temporary file. Suits one instance, or several sharing
 * a network file system that renames atomically.
 */
public final class FilesystemBlobStore implements BlobStore {

    private final Path root;

    public FilesystemBlobStore(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    @Override
    public Mono<Void> put(String key, Path file) {
        Path target = pathOf(key);
        return Mono.<Void>create(sink -> {
            var cancelled = new AtomicBoolean();
            sink.onCancel(() -> cancelled.set(true));
            Path temp = null;
            try {
                Files.createDirectories(target.getParent());
                temp = Files.createTempFile(target.getParent(), ".put-", ".tmp");
                Files.copy(file, temp, StandardCopyOption.REPLACE_EXISTING);
                try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                    channel.force(true);
                }
                if (cancelled.get()) {
                    Files.deleteIfExists(temp);
                    return;
                }
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                sink.success();
            } catch (IOException | RuntimeException e) {
                deleteQuietly(temp);
                sink.error(e);
            }
        }).subscribeOn(Schedulers.boundedElastic());
    }

    @Override
    public Flux<ByteBuffer> get(String key) {
        Path path = pathOf(key);
        return ChunkedReads.of(() -> Files.newInputStream(path))
                .onErrorMap(NoSuchFileException.class, missing -> new BlobNotFoundException(key));
    }

    @Override
    public Mono<Void> delete(String key) {
        Path path = pathOf(key);
        return Mono.fromCallable(() -> Files.deleteIfExists(path)).subscribeOn(Schedulers.boundedElastic()).then();
    }

    @Override
    public Mono<Boolean> exists(String key) {
        Path path = pathOf(key);
        return Mono.fromCallable(() -> Files.isRegularFile(path)).subscribeOn(Schedulers.boundedElastic());
    }

    private Path pathOf(String key) {
        return root.resolve(BlobKeys.checked(key));
    }

    private static void deleteQuietly(Path path) {
        if (path == null) {
            return;
        }
        try {
            Files.deleteIfExists(path);
        } catch (IOException ignored) {
            // The put already failed; that error is the one to report.
        }
    }
}
