package dev.parley.conversation.attachments.adapter.filesystem;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.conversation.attachments.application.UploadSpool;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

class FilesystemUploadSpoolTest {

    private static final int CHUNK = 8 * 1024;

    @TempDir
    Path dir;

    @Test
    void anUploadIsSpooledWithItsSizeAndHash() throws Exception {
        var spool = new FilesystemUploadSpool(dir);
        byte[] content = new byte[CHUNK * 3 + 5];
        content[7] = 42;

        UploadSpool.Spooled spooled = spool.receive(chunksOf(content, new AtomicLong()), 1_000_000).block();

        assertThat(Files.readAllBytes(spooled.file())).isEqualTo(content);
        assertThat(spooled.size()).isEqualTo(content.length);
        assertThat(spooled.sha256()).isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content)));
        spool.discard(spooled).block();
        assertThat(filesIn(dir)).isZero();
    }

    @Test
    void anUploadPastTheLimitIsCutOffAtOnceAndLeavesNoFile() throws IOException {
        var spool = new FilesystemUploadSpool(dir);
        long limit = 10L * CHUNK;
        var requested = new AtomicLong();
        // A hundred times the limit, generated on demand: what was never requested was never produced.
        Flux<ByteBuffer> huge = Flux.range(0, 1000).doOnRequest(n -> requested.addAndGet(Math.min(n, 1000)))
                .map(i -> ByteBuffer.allocate(CHUNK));

        StepVerifier.create(spool.receive(huge, limit)).expectError(UploadSpool.TooLargeException.class).verify();

        assertThat(requested.get()).as("chunks pulled from the client").isLessThanOrEqualTo(12);
        assertThat(filesIn(dir)).isZero();
    }

    @Test
    void aFailingUploadLeavesNoFile() throws IOException {
        var spool = new FilesystemUploadSpool(dir);
        Flux<ByteBuffer> broken = Flux.concat(Flux.just(ByteBuffer.allocate(CHUNK)), Flux.error(new IOException("reset")));

        StepVerifier.create(spool.receive(broken, 1_000_000)).expectError(IOException.class).verify();

        assertThat(filesIn(dir)).isZero();
    }

    private static Flux<ByteBuffer> chunksOf(byte[] content, AtomicLong sent) {
        return Flux.range(0, (content.length + CHUNK - 1) / CHUNK).map(i -> {
            int from = i * CHUNK;
            int length = Math.min(CHUNK, content.length - from);
            sent.addAndGet(length);
            return ByteBuffer.wrap(content, from, length);
        });
    }

    private static long filesIn(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.count();
        }
    }
}
