package dev.parley.conversation.attachments.adapter.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.conversation.attachments.application.AttachmentAccess;
import dev.parley.conversation.attachments.application.UploadingAttachment;
import dev.parley.conversation.identity.domain.Caller;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.UnpooledByteBufAllocator;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.NettyDataBuffer;
import org.springframework.core.io.buffer.NettyDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.codec.multipart.FilePartEvent;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** What the upload endpoint does with the network's buffers when it refuses a request: releases them, once. */
class AttachmentControllerTest {

    private static final Caller CALLER = new Caller.Agent(UUID.randomUUID(), Caller.AgentRole.AGENT);
    private final NettyDataBufferFactory buffers = new NettyDataBufferFactory(new UnpooledByteBufAllocator(false));
    /** Refuses a service before it reads the file; nothing else of it is reached. */
    private final UploadingAttachment uploading = new UploadingAttachment(new AttachmentAccess(null, null, null),
            null, null, null, null, null, 1024, Clock.systemUTC());
    private final AttachmentController controller = new AttachmentController(uploading, null);

    /** A flood of such requests would otherwise hold a pooled buffer each, until direct memory runs out. */
    @Test
    void aRequestWhoseFirstPartIsNotTheFileIsRefusedAndItsBufferReleased() {
        NettyDataBuffer field = buffer("a part under another name");

        var refusal = controller.upload(CALLER, UUID.randomUUID(), Flux.just(part("note", field)))
                .map(Object::toString).onErrorResume(error -> Mono.just(error.getMessage())).block();

        assertThat(refusal).contains("send the file as the first multipart part");
        assertThat(refCount(field)).as("the part's buffer").isZero();
    }

    @Test
    void anUploadTheUseCaseRefusesBeforeReadingTheFileHasItsBuffersReleased() {
        NettyDataBuffer file = buffer("the file's first chunk");

        var answer = controller.upload(new Caller.Service("gateway"), UUID.randomUUID(),
                        Flux.just(part(AttachmentController.FILE_PART, file)))
                .map(Object::toString).onErrorResume(error -> Mono.just(error.getMessage())).block();

        assertThat(answer).contains("services do not upload files");
        assertThat(refCount(file)).as("the file part's buffer").isZero();
    }

    private NettyDataBuffer buffer(String text) {
        return buffers.wrap(buffers.getByteBufAllocator().buffer().writeBytes(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static int refCount(NettyDataBuffer buffer) {
        ByteBuf nativeBuffer = buffer.getNativeBuffer();
        return nativeBuffer.refCnt();
    }

    /** A part's only event, as Spring's multipart reader emits it: its content a network buffer. */
    private static FilePartEvent part(String name, DataBuffer content) {
        return new FilePartEvent() {
            @Override
            public String filename() {
                return "notes.txt";
            }

            @Override
            public String name() {
                return name;
            }

            @Override
            public HttpHeaders headers() {
                HttpHeaders headers = new HttpHeaders();
                headers.setContentDispositionFormData(name, filename());
                return headers;
            }

            @Override
            public DataBuffer content() {
                return content;
            }

            @Override
            public boolean isLast() {
                return true;
            }
        };
    }
}
