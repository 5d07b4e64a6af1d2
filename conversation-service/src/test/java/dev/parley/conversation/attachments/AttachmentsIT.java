package dev.parley.conversation.attachments;

import static dev.parley.conversation.fixtures.Http.problem;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.parley.conversation.attachments.application.UploadSpool;
import dev.parley.conversation.attachments.domain.DownloadLinks;
import dev.parley.conversation.attachments.fixtures.Files;
import dev.parley.conversation.fixtures.Cast;
import dev.parley.conversation.identity.IdentityCast;
import dev.parley.conversation.identity.RunningService;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.http.codec.multipart.PartEventHttpMessageReader;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;

/**
 * Attachments over real HTTP with real tokens on a real PostgreSQL and the filesystem blob store:
 * uploads judged by their content, the size limit, signed links, who may see what, and files
 * travelling with messages into history and events.
 */
@Import(AttachmentsIT.CountingSpool.class)
class AttachmentsIT extends RunningService {

    /**
     * Counts the bytes that reach the upload spool, to see where an oversized upload is cut off. The
     * real spool does the work; this only looks. (The server goes on reading and discarding the rest
     * of such a request, so the client can read its 413 rather than a connection reset.)
     */
    @TestConfiguration
    static class CountingSpool {

        static final AtomicLong RECEIVED = new AtomicLong();

        @Bean
        static BeanPostProcessor countBytesReachingTheSpool() {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String name) {
                    if (!(bean instanceof UploadSpool spool)) {
                        return bean;
                    }
                    return new UploadSpool() {
                        @Override
                        public Mono<Spooled> receive(Flux<ByteBuffer> content, long maxBytes) {
                            return spool.receive(content.doOnNext(chunk -> RECEIVED.addAndGet(chunk.remaining())), maxBytes);
                        }

                        @Override
                        public Mono<Void> discard(Spooled spooled) {
                            return spool.discard(spooled);
                        }
                    };
                }
            };
        }
    }

    /** Small, so "several times the limit" stays quick; the mechanism does not depend on the number. */
    private static final int LIMIT = 256 * 1024;
    private static final String LINK_SECRET = "attachments-it-link-secret-0123456789abcdef";
    private static final Path BLOBS = tempDir("parley-blobs");
    private static final Path SPOOL = tempDir("parley-spool");

    @Autowired
    private ServerCodecConfigurer codecs;

    @DynamicPropertySource
    static void attachments(DynamicPropertyRegistry registry) {
        registry.add("parley.attachments.directory", BLOBS::toString);
        registry.add("parley.attachments.spool-directory", SPOOL::toString);
        registry.add("parley.attachments.max-size", () -> LIMIT + "B");
        registry.add("parley.attachments.link-secret", () -> LINK_SECRET);
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Session(String token, UUID customerId) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Started(UUID id) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record AttachmentView(UUID id, String name, String contentType, long size, String sha256, Integer width,
                          Integer height, UUID messageId, String url, Instant urlExpiresAt) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Carried(UUID id, String name, String contentType, long size, Integer width, Integer height) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record MessageView(UUID id, long seq, String kind, String body, List<Carried> attachments) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record History(List<MessageView> messages) {
    }

    @Test
    void anImageKeepsItsSizeAndDownloadsThroughASignedLinkWithoutAnAuthHeader() {
        String alice = customer();
        String conversation = startConversation(alice);
        byte[] png = Files.image("png", 640, 480);

        AttachmentView uploaded = upload(alice, conversation, png, "../holiday.png", "image/png")
                .expectStatus().isCreated().expectBody(AttachmentView.class).returnResult().getResponseBody();
        assertThat(uploaded.contentType()).isEqualTo("image/png");
        assertThat(uploaded.name()).isEqualTo("holiday.png");
        assertThat(uploaded.size()).isEqualTo(png.length);
        assertThat(uploaded.width()).isEqualTo(640);
        assertThat(uploaded.height()).isEqualTo(480);

        AttachmentView shared = share(alice, conversation, uploaded.id());
        assertThat(shared.url()).startsWith("/api/v1/attachments/" + uploaded.id() + "/content?exp=");
        assertThat(shared.urlExpiresAt()).isBetween(Instant.now().plusSeconds(200), Instant.now().plusSeconds(301));
        byte[] downloaded = http.get().uri(shared.url()).exchange()
                .expectStatus().isOk()
                .expectHeader().contentType(MediaType.IMAGE_PNG)
                .expectHeader().valueEquals("X-Content-Type-Options", "nosniff")
                .expectHeader().value(HttpHeaders.CONTENT_DISPOSITION, value -> assertThat(value).startsWith("inline"))
                .expectHeader().value(HttpHeaders.CACHE_CONTROL, value -> assertThat(value).contains("private"))
                .expectBody(byte[].class).returnResult().getResponseBody();
        assertThat(downloaded).isEqualTo(png);

        http.options().uri(conversation + "/attachments").header(HttpHeaders.ORIGIN, "https://shop.example")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, "Authorization").exchange()
                .expectStatus().isOk().expectHeader().exists(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN);

        AttachmentView pdf = upload(alice, conversation, Files.bytesOf("pdf"), "invoice.pdf", "application/pdf")
                .expectStatus().isCreated().expectBody(AttachmentView.class).returnResult().getResponseBody();
        http.get().uri(share(alice, conversation, pdf.id()).url()).exchange().expectStatus().isOk()
                .expectHeader().value(HttpHeaders.CONTENT_DISPOSITION, value -> assertThat(value).startsWith("attachment"));
    }

    @Test
    void uploadsThatLieAboutTheirTypeAreRefusedAndLeaveNothing() throws Exception {
        String alice = customer();
        String conversation = startConversation(alice);
        long rowsBefore = store.attachmentCount();
        long blobsBefore = filesUnder(BLOBS);

        problem(upload(alice, conversation, Files.bytesOf("html"), "cat.png", "image/png"),
                HttpStatus.UNSUPPORTED_MEDIA_TYPE, "attachment.type_not_allowed");
        problem(upload(alice, conversation, Files.bytesOf("exe"), "cat.png", "image/png"),
                HttpStatus.UNSUPPORTED_MEDIA_TYPE, "attachment.type_not_allowed");
        problem(upload(alice, conversation, Files.image("png", 4, 4), "notes.txt", "text/plain"),
                HttpStatus.UNSUPPORTED_MEDIA_TYPE, "attachment.type_not_allowed");
        problem(upload(alice, conversation, Files.bytesOf("html"), "page.html", "text/html"),
                HttpStatus.UNSUPPORTED_MEDIA_TYPE, "attachment.type_not_allowed");

        assertThat(store.attachmentCount()).isEqualTo(rowsBefore);
        assertThat(filesUnder(BLOBS)).isEqualTo(blobsBefore);
        assertThat(filesUnder(SPOOL)).isZero();
    }

    @Test
    void anUploadOverTheLimitIsCutOffEarlyAndLeavesNothing() throws Exception {
        String alice = customer();
        String conversation = startConversation(alice);
        long rowsBefore = store.attachmentCount();
        long blobsBefore = filesUnder(BLOBS);
        long total = 40L * LIMIT;
        var sent = new AtomicLong();
        CountingSpool.RECEIVED.set(0);

        var response = streamedUpload(alice, conversation, total, sent);

        assertThat(response.status()).isEqualTo(413);
        assertThat(response.body()).contains("\"code\":\"attachment.too_large\"");
        assertThat(CountingSpool.RECEIVED.get()).as("bytes Parley took in of the %d sent", total)
                .isGreaterThan(LIMIT).isLessThanOrEqualTo(2L * LIMIT);
        assertThat(store.attachmentCount()).isEqualTo(rowsBefore);
        assertThat(filesUnder(BLOBS)).isEqualTo(blobsBefore);
        assertThat(filesUnder(SPOOL)).isZero();
        PartEventHttpMessageReader multipart = codecs.getReaders().stream()
                .filter(PartEventHttpMessageReader.class::isInstance).map(PartEventHttpMessageReader.class::cast)
                .findFirst().orElseThrow();
        assertThat(multipart.getMaxInMemorySize()).as("form fields held in memory").isEqualTo(16 * 1024);
    }

    @Test
    void aSignedLinkThatExpiredOrWasTamperedWithIsRefused() {
        String alice = customer();
        String conversation = startConversation(alice);
        AttachmentView uploaded = upload(alice, conversation, Files.bytesOf("pdf"), "a.pdf", null)
                .expectStatus().isCreated().expectBody(AttachmentView.class).returnResult().getResponseBody();
        String valid = share(alice, conversation, uploaded.id()).url();
        var links = new DownloadLinks(LINK_SECRET.getBytes(StandardCharsets.UTF_8), Duration.ofMinutes(5));
        DownloadLinks.Link old = links.issue(uploaded.id(), Instant.now().minus(Duration.ofMinutes(6)));
        String content = "/api/v1/attachments/" + uploaded.id() + "/content";

        problem(http.get().uri(content + "?exp=" + old.exp() + "&sig=" + old.sig()).exchange(),
                HttpStatus.FORBIDDEN, "attachment.link_invalid");
        problem(http.get().uri(valid.replace("sig=", "sig=x")).exchange(), HttpStatus.FORBIDDEN, "attachment.link_invalid");
        problem(http.get().uri(valid.replace("exp=", "exp=9")).exchange(), HttpStatus.FORBIDDEN, "attachment.link_invalid");
        problem(http.get().uri(content).exchange(), HttpStatus.FORBIDDEN, "attachment.link_invalid");
        problem(http.get().uri(valid.replace(uploaded.id().toString(), UUID.randomUUID().toString())).exchange(),
                HttpStatus.FORBIDDEN, "attachment.link_invalid");
        http.get().uri(valid).exchange().expectStatus().isOk();
    }

    @Test
    void onlyThoseWhoMaySeeTheConversationReachItsFilesAndNotesStayWithTheAgents() {
        String alice = customer();
        String bea = customer();
        String bob = login(IdentityCast.BOB).accessToken();
        String dan = login(new IdentityCast.Agent(Cast.DAN, "Dan", "dan@parley.example", "AGENT", Cast.DAN_PASSWORD))
                .accessToken();
        String conversation = startConversation(alice);
        AttachmentView alicesFile = upload(alice, conversation, Files.bytesOf("pdf"), "order.pdf", null)
                .expectStatus().isCreated().expectBody(AttachmentView.class).returnResult().getResponseBody();

        problem(upload(bea, conversation, Files.bytesOf("pdf"), "x.pdf", null), HttpStatus.NOT_FOUND, "conversation.not_found");
        problem(shareSpec(bea, conversation, alicesFile.id()), HttpStatus.NOT_FOUND, "conversation.not_found");
        problem(upload(dan, conversation, Files.bytesOf("pdf"), "x.pdf", null), HttpStatus.FORBIDDEN, "conversation.forbidden");
        problem(shareSpec(dan, conversation, alicesFile.id()), HttpStatus.FORBIDDEN, "conversation.forbidden");
        problem(shareSpec(bea, startConversation(bea), alicesFile.id()), HttpStatus.NOT_FOUND, "attachment.not_found");
        assertThat(share(bob, conversation, alicesFile.id()).url()).isNotNull();

        AttachmentView bobsFile = upload(bob, conversation, Files.bytesOf("text"), "internal.csv", "text/csv")
                .expectStatus().isCreated().expectBody(AttachmentView.class).returnResult().getResponseBody();
        problem(shareSpec(alice, conversation, bobsFile.id()), HttpStatus.NOT_FOUND, "attachment.not_found");
        send(bob, conversation, Map.of("clientMsgId", "n-1", "body", "their export", "kind", "NOTE",
                "attachmentIds", List.of(bobsFile.id()))).expectStatus().isCreated();

        problem(shareSpec(alice, conversation, bobsFile.id()), HttpStatus.NOT_FOUND, "attachment.not_found");
        assertThat(share(bob, conversation, bobsFile.id()).url()).isNotNull();
    }

    @Test
    void aMessageCarriesItsFilesIntoHistoryAndItsEventAndEachFileOnce() {
        String alice = customer();
        String bea = customer();
        String bob = login(IdentityCast.BOB).accessToken();
        String conversation = startConversation(alice);
        AttachmentView photo = upload(alice, conversation, Files.image("jpeg", 120, 90), "photo.jpg", "image/jpeg")
                .expectStatus().isCreated().expectBody(AttachmentView.class).returnResult().getResponseBody();

        MessageView sent = send(alice, conversation, Map.of("clientMsgId", "c-1", "body", "",
                "attachmentIds", List.of(photo.id())))
                .expectStatus().isCreated().expectBody(MessageView.class).returnResult().getResponseBody();

        var carried = new Carried(photo.id(), "photo.jpg", "image/jpeg", photo.size(), 120, 90);
        assertThat(sent.attachments()).containsExactly(carried);
        History history = http.get().uri(conversation + "/messages").header(HttpHeaders.AUTHORIZATION, bearer(bob))
                .exchange().expectStatus().isOk().expectBody(History.class).returnResult().getResponseBody();
        assertThat(history.messages()).filteredOn(m -> m.id().equals(sent.id()))
                .singleElement().satisfies(m -> assertThat(m.attachments()).containsExactly(carried));
        http.get().uri(conversation + "/events?since=0").header(HttpHeaders.AUTHORIZATION, bearer(alice)).exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.events[?(@.type == 'message.created' && @.data.messageId == '" + sent.id() + "')].data.attachments[0].width")
                .isEqualTo(120);
        assertThat(share(alice, conversation, photo.id()).messageId()).isEqualTo(sent.id());

        problem(send(alice, conversation, Map.of("clientMsgId", "c-2", "body", "again", "attachmentIds", List.of(photo.id()))),
                HttpStatus.UNPROCESSABLE_CONTENT, "message.attachment_invalid");
        AttachmentView fresh = upload(alice, conversation, Files.bytesOf("pdf"), "b.pdf", null)
                .expectStatus().isCreated().expectBody(AttachmentView.class).returnResult().getResponseBody();
        problem(send(bob, conversation, Map.of("clientMsgId", "b-1", "body", "mine now", "attachmentIds", List.of(fresh.id()))),
                HttpStatus.UNPROCESSABLE_CONTENT, "message.attachment_invalid");
        String beasConversation = startConversation(bea);
        problem(send(bea, beasConversation, Map.of("clientMsgId", "e-1", "body", "", "attachmentIds", List.of(fresh.id()))),
                HttpStatus.UNPROCESSABLE_CONTENT, "message.attachment_invalid");
        problem(send(alice, conversation, Map.of("clientMsgId", "c-3", "body", " ")), HttpStatus.BAD_REQUEST, "message.empty");
        assertThat(share(alice, conversation, fresh.id()).messageId()).as("refusals attach nothing").isNull();
    }

    // --- helpers -----------------------------------------------------------------------------

    private String customer() {
        return http.post().uri("/api/v1/widget/sessions").header(HttpHeaders.ORIGIN, Cast.ACME_ORIGIN)
                .bodyValue(Map.of("inboxKey", Cast.ACME_KEY))
                .exchange().expectStatus().is2xxSuccessful().expectBody(Session.class).returnResult().getResponseBody().token();
    }

    private String startConversation(String customer) {
        Started started = http.post().uri("/api/v1/conversations").header(HttpHeaders.AUTHORIZATION, bearer(customer))
                .exchange().expectStatus().isCreated().expectBody(Started.class).returnResult().getResponseBody();
        return "/api/v1/conversations/" + started.id();
    }

    private WebTestClient.ResponseSpec upload(String token, String conversation, byte[] content, String name, String type) {
        var parts = new MultipartBodyBuilder();
        var part = parts.part("file", content).filename(name);
        if (type != null) {
            part.contentType(MediaType.parseMediaType(type));
        }
        return http.post().uri(conversation + "/attachments").header(HttpHeaders.AUTHORIZATION, bearer(token))
                .body(BodyInserters.fromMultipartData(parts.build())).exchange();
    }

    private AttachmentView share(String token, String conversation, UUID attachment) {
        return shareSpec(token, conversation, attachment).expectStatus().isOk()
                .expectBody(AttachmentView.class).returnResult().getResponseBody();
    }

    private WebTestClient.ResponseSpec shareSpec(String token, String conversation, UUID attachment) {
        return http.get().uri(conversation + "/attachments/" + attachment).header(HttpHeaders.AUTHORIZATION, bearer(token))
                .exchange();
    }

    private WebTestClient.ResponseSpec send(String token, String conversation, Map<String, Object> body) {
        return http.post().uri(conversation + "/messages").header(HttpHeaders.AUTHORIZATION, bearer(token))
                .bodyValue(body).exchange();
    }

    record Response(int status, String body) {
    }

    /**
     * A multipart upload of {@code total} bytes generated as the connection asks for them, through a
     * plain Netty client so nothing buffers it; {@code sent} counts what was actually produced.
     */
    private Response streamedUpload(String token, String conversation, long total, AtomicLong sent) {
        String boundary = "parley-boundary-" + UUID.randomUUID();
        String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.pdf\"\r\n"
                + "Content-Type: application/pdf\r\n\r\n%PDF-1.4\n";
        String tail = "\r\n--" + boundary + "--\r\n";
        int chunk = 16 * 1024;
        Flux<ByteBuf> body = Flux.concat(
                Flux.just(Unpooled.copiedBuffer(head, StandardCharsets.US_ASCII)),
                Flux.range(0, (int) (total / chunk)).map(i -> {
                    sent.addAndGet(chunk);
                    return Unpooled.wrappedBuffer(new byte[chunk]);
                }),
                Flux.just(Unpooled.copiedBuffer(tail, StandardCharsets.US_ASCII)));
        return HttpClient.create()
                .headers(headers -> headers.set(HttpHeaders.AUTHORIZATION, bearer(token))
                        .set(HttpHeaders.CONTENT_TYPE, "multipart/form-data; boundary=" + boundary))
                .post().uri("http://127.0.0.1:" + port + conversation + "/attachments")
                .send(body)
                .responseSingle((response, content) -> content.asString().defaultIfEmpty("")
                        .map(text -> new Response(response.status().code(), text)))
                .block(Duration.ofSeconds(30));
    }


    private static long filesUnder(Path dir) throws IOException {
        if (!java.nio.file.Files.exists(dir)) {
            return 0;
        }
        try (Stream<Path> files = java.nio.file.Files.walk(dir)) {
            return files.filter(java.nio.file.Files::isRegularFile).count();
        }
    }

    private static Path tempDir(String prefix) {
        try {
            return java.nio.file.Files.createTempDirectory(prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String bearer(String token) {
        return "Bearer " + token;
    }
}
