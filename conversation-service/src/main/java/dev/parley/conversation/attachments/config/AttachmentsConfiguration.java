package dev.parley.conversation.attachments.config;

import dev.parley.conversation.attachments.adapter.filesystem.FilesystemBlobStore;
import dev.parley.conversation.attachments.adapter.filesystem.FilesystemUploadSpool;
import dev.parley.conversation.attachments.adapter.r2dbc.R2dbcAttachmentStore;
import dev.parley.conversation.attachments.adapter.r2dbc.R2dbcLinkSecrets;
import dev.parley.conversation.attachments.adapter.s3.S3BlobStore;
import dev.parley.conversation.attachments.adapter.tika.TikaContentInspector;
import dev.parley.conversation.attachments.adapter.web.AttachmentContentController;
import dev.parley.conversation.attachments.adapter.web.AttachmentController;
import dev.parley.conversation.attachments.application.AttachingToMessages;
import dev.parley.conversation.attachments.application.AttachmentAccess;
import dev.parley.conversation.attachments.application.AttachmentStore;
import dev.parley.conversation.attachments.application.BlobStore;
import dev.parley.conversation.attachments.application.CheckingBlobStore;
import dev.parley.conversation.attachments.application.DownloadingAttachment;
import dev.parley.conversation.attachments.application.LinkSecrets;
import dev.parley.conversation.attachments.application.SharingAttachment;
import dev.parley.conversation.attachments.application.SigningLinks;
import dev.parley.conversation.attachments.application.UploadSpool;
import dev.parley.conversation.attachments.application.UploadingAttachment;
import dev.parley.conversation.attachments.domain.AllowedTypes;
import dev.parley.conversation.attachments.domain.DownloadLinks;
import dev.parley.conversation.lifecycle.application.ConversationStore;
import dev.parley.conversation.messaging.application.MessageAttachments;
import dev.parley.conversation.messaging.application.MessageStore;
import dev.parley.conversation.lifecycle.application.AccessPolicy;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.http.codec.multipart.DefaultPartHttpMessageReader;
import org.springframework.http.codec.multipart.MultipartHttpMessageReader;
import org.springframework.http.codec.multipart.PartEventHttpMessageReader;
import org.springframework.web.reactive.config.WebFluxConfigurer;
import reactor.core.publisher.Mono;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/** Attachments: their metadata store, the blob store chosen by {@code parley.attachments.store}, the use cases, the API. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AttachmentsProperties.class)
public class AttachmentsConfiguration {

    /**
     * Multipart form fields and part headers are the only parts of an upload ever held in memory
     * (the file streams through); 16 KB is ample for a file name and a content type.
     */
    static final int MULTIPART_IN_MEMORY_BYTES = 16 * 1024;
    static final int MULTIPART_HEADER_BYTES = 8 * 1024;
    /** A file and a few fields; a request with hundreds of parts is an attack, not an upload. */
    static final int MULTIPART_MAX_PARTS = 8;
    /** Long enough for a slow object store at start, short enough that a hung one fails it visibly. */
    private static final Duration STORE_CHECK_TIMEOUT = Duration.ofSeconds(30);

    @Bean
    WebFluxConfigurer multipartLimits(AttachmentsProperties properties) {
        return new WebFluxConfigurer() {
            @Override
            public void configureHttpMessageCodecs(ServerCodecConfigurer configurer) {
                configurer.defaultCodecs().configureDefaultCodec(codec -> {
                    if (codec instanceof PartEventHttpMessageReader events) {
                        events.setMaxInMemorySize(MULTIPART_IN_MEMORY_BYTES);
                        events.setMaxHeadersSize(MULTIPART_HEADER_BYTES);
                    }
                });
                // No endpoint binds whole parts, but should one appear it must not buffer or spool unbounded.
                var parts = new DefaultPartHttpMessageReader();
                parts.setMaxInMemorySize(MULTIPART_IN_MEMORY_BYTES);
                parts.setMaxHeadersSize(MULTIPART_HEADER_BYTES);
                parts.setMaxDiskUsagePerPart(properties.maxSize().toBytes());
                parts.setMaxParts(MULTIPART_MAX_PARTS);
                configurer.defaultCodecs().multipartReader(new MultipartHttpMessageReader(parts));
            }
        };
    }

    @Bean
    AttachmentStore attachmentStore(DatabaseClient databaseClient) {
        return new R2dbcAttachmentStore(databaseClient);
    }

    /** Shared by every instance through the database, so a link one issues another accepts. */
    @Bean
    LinkSecrets storedLinkSecrets(DatabaseClient databaseClient) {
        return new R2dbcLinkSecrets(databaseClient);
    }

    @Bean
    BlobStore blobStore(AttachmentsProperties properties) {
        if (properties.store() == AttachmentsProperties.Store.S3) {
            return new S3BlobStore(s3Client(properties.s3()), properties.s3().bucket());
        }
        return new FilesystemBlobStore(Path.of(properties.directory()));
    }

    /** A store that cannot take a file fails the start, not the first upload. */
    @Bean
    ApplicationRunner attachmentStoreIsWritable(BlobStore blobs, AttachmentsProperties properties) {
        String description = properties.store() == AttachmentsProperties.Store.S3
                ? "s3, bucket " + properties.s3().bucket() + (properties.s3().endpoint().isBlank() ? "" : " at " + properties.s3().endpoint())
                : "filesystem, directory " + Path.of(properties.directory()).toAbsolutePath();
        Path spool = properties.spoolDirectory().isBlank()
                ? Path.of(System.getProperty("java.io.tmpdir")) : Path.of(properties.spoolDirectory());
        return arguments -> CheckingBlobStore.verify(blobs, spool, description, STORE_CHECK_TIMEOUT);
    }

    static S3Client s3Client(AttachmentsProperties.S3 s3) {
        var builder = S3Client.builder()
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .region(Region.of(s3.region()))
                .forcePathStyle(s3.pathStyle())
                // Checksums only where S3 requires them: S3-compatible servers differ in their support
                // for the newer default (trailing CRC32 on every put), and TCP plus SigV4 guard the rest.
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .credentialsProvider(s3.accessKey().isBlank()
                        ? DefaultCredentialsProvider.builder().build()
                        : StaticCredentialsProvider.create(AwsBasicCredentials.create(s3.accessKey(), s3.secretKey())));
        if (!s3.endpoint().isBlank()) {
            builder.endpointOverride(URI.create(s3.endpoint()));
        }
        return builder.build();
    }

    @Bean
    MessageAttachments messageAttachments(AttachmentStore attachments) {
        return new AttachingToMessages(attachments);
    }

    @Bean
    AttachmentAccess attachmentAccess(ConversationStore conversations, MessageStore messages, AccessPolicy access) {
        return new AttachmentAccess(conversations, messages, access);
    }

    @Bean
    SigningLinks signingLinks(AttachmentsProperties properties, LinkSecrets storedLinkSecrets) {
        LinkSecrets secrets;
        if (properties.linkSecret().isBlank()) {
            secrets = storedLinkSecrets;
        } else {
            byte[] configured = properties.linkSecret().getBytes(StandardCharsets.UTF_8);
            new DownloadLinks(configured, properties.linkTtl()); // fails at startup when too short
            secrets = () -> Mono.just(configured.clone());
        }
        return new SigningLinks(secrets, properties.linkTtl());
    }

    @Bean
    UploadSpool uploadSpool(AttachmentsProperties properties) {
        return new FilesystemUploadSpool(properties.spoolDirectory().isBlank()
                ? Path.of(System.getProperty("java.io.tmpdir"), "parley-uploads")
                : Path.of(properties.spoolDirectory()));
    }

    @Bean
    UploadingAttachment uploadingAttachment(AttachmentsProperties properties, AttachmentAccess access, UploadSpool spool,
                                            BlobStore blobs, AttachmentStore attachments, Clock clock) {
        return new UploadingAttachment(access, spool, new TikaContentInspector(), blobs,
                attachments, new AllowedTypes(properties.allowedTypes()), properties.maxSize().toBytes(), clock);
    }

    @Bean
    AttachmentController attachmentController(UploadingAttachment uploading, AttachmentStore attachments,
                                              AttachmentAccess access, SigningLinks signing, Clock clock) {
        return new AttachmentController(uploading, new SharingAttachment(attachments, access, signing, clock));
    }

    @Bean
    AttachmentContentController attachmentContentController(AttachmentStore attachments, BlobStore blobs,
                                                            SigningLinks signing, Clock clock) {
        return new AttachmentContentController(new DownloadingAttachment(attachments, blobs, signing, clock), clock);
    }
}
