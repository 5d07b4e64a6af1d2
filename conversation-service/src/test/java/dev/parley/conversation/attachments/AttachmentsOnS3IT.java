package dev.parley.conversation.attachments;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.parley.conversation.attachments.fixtures.Files;
import dev.parley.conversation.attachments.fixtures.LocalS3;
import dev.parley.conversation.fixtures.Cast;
import dev.parley.conversation.identity.RunningService;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.reactive.function.BodyInserters;

/** The service configured with {@code parley.attachments.store=s3}, against a real S3 API server. */
class AttachmentsOnS3IT extends RunningService {

    private static final LocalS3 S3 = LocalS3.start();

    @DynamicPropertySource
    static void s3Store(DynamicPropertyRegistry registry) {
        registry.add("parley.attachments.store", () -> "s3");
        registry.add("parley.attachments.s3.endpoint", S3::endpoint);
        registry.add("parley.attachments.s3.bucket", () -> LocalS3.BUCKET);
        registry.add("parley.attachments.s3.path-style", () -> "true");
        registry.add("parley.attachments.s3.access-key", () -> LocalS3.ACCESS_KEY);
        registry.add("parley.attachments.s3.secret-key", () -> LocalS3.SECRET_KEY);
    }

    @AfterAll
    static void stopS3() throws Exception {
        S3.close();
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Uploaded(UUID id, String url) {
    }

    @Test
    void anUploadLandsInTheBucketAndDownloadsThroughItsSignedLink() {
        String customer = http.post().uri("/api/v1/widget/sessions").header(HttpHeaders.ORIGIN, Cast.ACME_ORIGIN)
                .bodyValue(Map.of("inboxKey", Cast.ACME_KEY)).exchange().expectStatus().is2xxSuccessful()
                .expectBody(Map.class).returnResult().getResponseBody().get("token").toString();
        String conversation = "/api/v1/conversations/" + http.post().uri("/api/v1/conversations")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + customer).exchange().expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody().get("id");
        byte[] png = Files.image("png", 300, 200);
        var parts = new MultipartBodyBuilder();
        parts.part("file", png).filename("map.png").contentType(MediaType.IMAGE_PNG);

        Uploaded uploaded = http.post().uri(conversation + "/attachments").header(HttpHeaders.AUTHORIZATION, "Bearer " + customer)
                .body(BodyInserters.fromMultipartData(parts.build())).exchange()
                .expectStatus().isCreated().expectBody(Uploaded.class).returnResult().getResponseBody();

        assertThat(S3.client().getObjectAsBytes(get -> get.bucket(LocalS3.BUCKET).key("attachments/" + uploaded.id()))
                .asByteArray()).isEqualTo(png);
        String url = http.get().uri(conversation + "/attachments/" + uploaded.id())
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + customer).exchange().expectStatus().isOk()
                .expectBody(Uploaded.class).returnResult().getResponseBody().url();
        assertThat(http.get().uri(url).exchange().expectStatus().isOk().expectBody(byte[].class).returnResult()
                .getResponseBody()).isEqualTo(png);
    }
}
