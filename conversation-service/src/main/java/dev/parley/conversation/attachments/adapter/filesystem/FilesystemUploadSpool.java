package dev.parley.conversation.attachments.adapter.filesystem;

import dev.parley.conversation.attachments.application.UploadSpool;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Spools uploads into private temporary files of one directory. Chunks are requested one at a time
 * ({@code concatMap} with a prefetch of 1), so only the chunk being written is in memory, and the
 * size is checked before each write, so the file never holds more than the limit.
 */
public final class FilesystemUploadSpool implements UploadSpool {

    private final Path directory;

    public FilesystemUploadSpool(Path directory) {
        this.directory = directory.toAbsolutePath().normalize();
    }

    @Override
    public Mono<Spooled> receive(Flux<ByteBuffer> content, long maxBytes) {
        return Mono.fromCallable(() -> {
                    Files.createDirectories(directory);
                    return Files.createTempFile(directory, "upload-", ".part");
                })
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(file -> Mono.using(() -> new Sink(file, maxBytes),
                                sink -> content.concatMap(chunk -> Mono.fromRunnable(() -> sink.write(chunk))
                                                .subscribeOn(Schedulers.boundedElastic()), 1)
                                        .then(Mono.fromCallable(sink::finish)),
                                Sink::close)
                        .onErrorResume(failure -> discardFile(file).then(Mono.error(failure)))
                        .doOnCancel(() -> delete(file)));
    }

    @Override
    public Mono<Void> discard(Spooled spooled) {
        return discardFile(spooled.file());
    }

    private static Mono<Void> discardFile(Path file) {
        return Mono.fromRunnable(() -> delete(file)).subscribeOn(Schedulers.boundedElastic()).then();
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One upload's open file, byte count and running hash. */
    private static final class Sink {

        private final Path file;
        private final long maxBytes;
        private final FileChannel channel;
        private final MessageDigest sha256;
        private long size;

        Sink(Path file, long maxBytes) throws IOException, NoSuchAlgorithmException {
            this.file = file;
            this.maxBytes = maxBytes;
            this.channel = FileChannel.open(file, StandardOpenOption.WRITE);
            this.sha256 = MessageDigest.getInstance("SHA-256");
        }

        void write(ByteBuffer chunk) {
            if (size + chunk.remaining() > maxBytes) {
                throw new TooLargeException(maxBytes);
            }
            size += chunk.remaining();
            sha256.update(chunk.duplicate());
            try {
                while (chunk.hasRemaining()) {
                    channel.write(chunk);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        Spooled finish() throws IOException {
            channel.force(false);
            return new Spooled(file, size, HexFormat.of().formatHex(sha256.digest()));
        }

        void close() {
            try {
                channel.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
