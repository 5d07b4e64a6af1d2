package dev.parley.conversation.attachments.adapter.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.conversation.identity.domain.Caller;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.UnpooledByteBufAllocator;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.NettyDataBuffer;
import org.springframework.core.io.buffer.NettyDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.codec.multipart.PartEvent;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** What the upload endpoint does with the network's buffers when it refuses a request. */
class AttachmentControllerTest {

    private static final Caller CALLER = new Caller.Agent(UUID.randomUUID(), Caller.AgentRole.AGENT);
    private final NettyDataBufferFactory buffers = new NettyDataBufferFactory(new UnpooledByteBufAllocator(false));
    // the refusals come before the use case is asked
    private final AttachmentController controller = new AttachmentController(null, null);

    /** A flood of such requests would otherwise hold a pooled buffer each, until direct memory runs out. */
    @Test
    void aRequestWhoseFirstPartIsNotTheFileIsRefusedAndItsBuffersReleased() {
        NettyDataBuffer field = buffer("a form field");

        var refusal = controller.upload(CALLER, UUID.randomUUID(), Flux.just(part("note", field)))
                .map(Object::toString).onErrorResume(error -> Mono.just(error.getMessage())).block();

        assertThat(refusal).contains("send the file as the first multipart part");
        assertThat(refCount(field)).as("the part's buffer").isZero();
    }

    private NettyDataBuffer buffer(String text) {
        return buffers.wrap(buffers.getByteBufAllocator().buffer().writeBytes(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static int refCount(NettyDataBuffer buffer) {
        ByteBuf nativeBuffer = buffer.getNativeBuffer();
        return nativeBuffer.refCnt();
    }

    /** A form field's event, as Spring's multipart reader emits it: one event, its content a network buffer. */
    private static PartEvent part(String name, DataBuffer content) {
        return new PartEvent() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public HttpHeaders headers() {
                HttpHeaders headers = new HttpHeaders();
                headers.setContentDispositionFormData(name, null);
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
