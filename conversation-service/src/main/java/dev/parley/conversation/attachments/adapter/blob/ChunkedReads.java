package dev.parley.conversation.attachments.adapter.blob;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.concurrent.Callable;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

/** A blocking input stream as a stream of chunks, read off the event loop, closed on any end. */
public final class ChunkedReads {

    /** Big enough to keep syscalls few, small enough that many downloads at once stay cheap. */
    public static final int CHUNK_SIZE = 64 * 1024;

    private ChunkedReads() {
    }

    public static Flux<ByteBuffer> of(Callable<InputStream> open) {
        return Flux.using(open, in -> Flux.<ByteBuffer>generate(sink -> {
                    try {
                        byte[] chunk = new byte[CHUNK_SIZE];
                        int read = in.readNBytes(chunk, 0, CHUNK_SIZE);
                        if (read > 0) {
                            sink.next(ByteBuffer.wrap(chunk, 0, read));
                        } else {
                            sink.complete();
                        }
                    } catch (IOException e) {
                        sink.error(new UncheckedIOException(e));
                    }
                }), ChunkedReads::closeQuietly)
                .subscribeOn(Schedulers.boundedElastic());
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException ignored) {
            // Nothing was written; a failed close of a read loses nothing.
        }
    }
}
