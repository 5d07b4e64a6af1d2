package dev.parley.conversation.attachments.adapter.s3;

import dev.parley.conversation.attachments.application.BlobStore;
import dev.parley.conversation.attachments.application.BlobStoreContract;
import dev.parley.conversation.attachments.fixtures.LocalS3;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The S3 store against a real S3 API server (s3proxy, in-memory backend) in this JVM. */
class S3BlobStoreIT extends BlobStoreContract {

    private static LocalS3 s3;

    @BeforeAll
    static void startS3() {
        s3 = LocalS3.start();
    }

    @AfterAll
    static void stopS3() throws Exception {
        s3.close();
    }

    @Override
    protected BlobStore newStore() {
        return new S3BlobStore(s3.client(), LocalS3.BUCKET);
    }
}
