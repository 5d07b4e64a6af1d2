package dev.parley.conversation.attachments.adapter.s3;

import dev.parley.conversation.attachments.application.BlobStore;
import dev.parley.conversation.attachments.application.BlobStoreContract;
import java.net.URI;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.nio2blob.TransientNio2BlobStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/** The S3 store against a real S3 API server (s3proxy, in-memory backend) in this JVM. */
class S3BlobStoreIT extends BlobStoreContract {

    static final String ACCESS_KEY = "parley-test-access";
    static final String SECRET_KEY = "parley-test-secret";
    private static final String BUCKET = "parley-attachments";

    private static S3Proxy server;
    private static S3Client client;

    @BeforeAll
    static void startS3() throws Exception {
        server = startedS3Proxy();
        client = clientFor(URI.create("http://127.0.0.1:" + server.getPort()));
        client.createBucket(create -> create.bucket(BUCKET));
    }

    @AfterAll
    static void stopS3() throws Exception {
        client.close();
        server.stop();
    }

    @Override
    protected BlobStore newStore() {
        return new S3BlobStore(client, BUCKET);
    }

    /** An s3proxy on a free port, started. */
    static S3Proxy startedS3Proxy() throws Exception {
        S3Proxy proxy = S3Proxy.builder()
                .blobStore(new TransientNio2BlobStore())
                .endpoint(URI.create("http://127.0.0.1:0"))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
                .build();
        proxy.start();
        return proxy;
    }

    private static S3Client clientFor(URI endpoint) {
        return S3Client.builder()
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .endpointOverride(endpoint)
                .region(Region.US_EAST_1)
                .forcePathStyle(true)
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)))
                .build();
    }
}
