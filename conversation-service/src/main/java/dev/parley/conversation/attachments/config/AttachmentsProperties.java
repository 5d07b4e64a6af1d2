package dev.parley.conversation.attachments.config;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of attachments, under {@code parley.attachments}.
 *
 * @param store        where the bytes go: {@code filesystem} (one directory) or {@code s3} (a bucket)
 * @param directory    the filesystem store's root directory
 * @param spoolDirectory where uploads are received before their type is known; emptied as each
 *                     upload ends (blank: a {@code parley-uploads} directory in the system's temp dir)
 * @param s3           the S3 store's bucket and connection
 * @param maxSize      largest file accepted; an upload is cut off as soon as it passes this. 10 MB
 *                     holds phone photos and typical PDFs while bounding disk use per upload
 * @param allowedTypes media types accepted, matched exactly against the type detected from the
 *                     content. No SVG or HTML by default: a browser runs their scripts
 * @param linkTtl      how long a download link stays valid; short, since a link is a bearer capability
 * @param linkSecret   secret (32+ bytes) download links are signed with; blank: one is generated once
 *                     and kept in PostgreSQL, shared by every instance
 */
@ConfigurationProperties("parley.attachments")
public record AttachmentsProperties(
        @DefaultValue("filesystem") Store store,
        @DefaultValue("data/attachments") String directory,
        @DefaultValue("") String spoolDirectory,
        @DefaultValue S3 s3,
        @DefaultValue("10MB") DataSize maxSize,
        @DefaultValue({"image/png", "image/jpeg", "image/gif", "image/webp", "application/pdf", "text/plain",
                "text/csv", "application/msword", "application/vnd.ms-excel", "application/vnd.ms-powerpoint",
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                "application/vnd.openxmlformats-officedocument.presentationml.presentation",
                "application/vnd.oasis.opendocument.text", "application/vnd.oasis.opendocument.spreadsheet"})
        List<String> allowedTypes,
        @DefaultValue("5m") Duration linkTtl,
        @DefaultValue("") String linkSecret) {

    public enum Store { FILESYSTEM, S3 }

    /**
     * @param bucket    the bucket (must exist)
     * @param region    the bucket's region
     * @param endpoint  an S3-compatible endpoint (MinIO, s3proxy...); blank: AWS's own for the region
     * @param pathStyle address buckets as {@code endpoint/bucket} (what most S3-compatible servers want)
     *                  rather than as {@code bucket.endpoint}
     * @param accessKey access key; blank (with the secret key): the SDK's default credential chain
     * @param secretKey secret key
     */
    public record S3(
            @DefaultValue("parley-attachments") String bucket,
            @DefaultValue("us-east-1") String region,
            @DefaultValue("") String endpoint,
            @DefaultValue("false") boolean pathStyle,
            @DefaultValue("") String accessKey,
            @DefaultValue("") String secretKey) {
    }
}
