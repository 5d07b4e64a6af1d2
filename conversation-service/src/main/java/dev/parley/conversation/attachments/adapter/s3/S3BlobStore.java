package dev.parley.conversation.attachments.adapter.s3;

import dev.parley.conversation.attachments.adapter.blob.BlobKeys;
import dev.parley.conversation.attachments.adapter.blob.ChunkedReads;
import dev.parley.conversation.attachments.application.BlobNotFoundException;
import dev.parley.conversation.attachments.application.BlobStore;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Blobs as objects of one bucket, through the AWS SDK v2's blocking client on the bounded-elastic
 * scheduler. A single PutObject is atomic in S3 (an object appears whole or not at all) and a
 * failed one leaves nothing, which is the port's guarantee; uploads are bounded by the attachment
 * size limit, far below S3's 5 GB single-put limit, so no multipart upload is needed.
 */
public final class S3BlobStore implements BlobStore, AutoCloseable {

    private final S3Client s3;
    private final String bucket;

    public S3BlobStore(S3Client s3, String bucket) {
        this.s3 = s3;
        this.bucket = bucket;
    }

    @Override
    public Mono<Void> put(String key, Path file) {
        String checked = BlobKeys.checked(key);
        return Mono.fromCallable(() -> s3.putObject(put -> put.bucket(bucket).key(checked), RequestBody.fromFile(file)))
                .subscribeOn(Schedulers.boundedElastic()).then();
    }

    @Override
    public Flux<ByteBuffer> get(String key) {
        String checked = BlobKeys.checked(key);
        return ChunkedReads.of(() -> s3.getObject(get -> get.bucket(bucket).key(checked)))
                .onErrorMap(NoSuchKeyException.class, missing -> new BlobNotFoundException(key));
    }

    @Override
    public Mono<Void> delete(String key) {
        String checked = BlobKeys.checked(key);
        return Mono.fromCallable(() -> s3.deleteObject(delete -> delete.bucket(bucket).key(checked)))
                .subscribeOn(Schedulers.boundedElastic()).then();
    }

    @Override
    public Mono<Boolean> exists(String key) {
        String checked = BlobKeys.checked(key);
        return Mono.fromCallable(() -> {
            try {
                s3.headObject(head -> head.bucket(bucket).key(checked));
                return true;
            } catch (S3Exception failure) {
                // HEAD has no body, so a missing object is a bare 404 rather than NoSuchKey.
                if (failure.statusCode() == 404) {
                    return false;
                }
                throw failure;
            }
        }).subscribeOn(Schedulers.boundedElastic());
    }

    /** Releases the client's connections (Spring calls this at shutdown). */
    @Override
    public void close() {
        s3.close();
    }
}
