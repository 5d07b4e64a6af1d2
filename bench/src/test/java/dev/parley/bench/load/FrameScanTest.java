package dev.parley.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class FrameScanTest {

    private static ByteBuf frame(String json) {
        return Unpooled.copiedBuffer(json, StandardCharsets.UTF_8);
    }

    private static final String EVENT = "{\"type\":\"event\",\"event\":{\"eventId\":\"e1\",\"type\":\"message.created\","
            + "\"conversationId\":\"0190c0de-0000-7000-8000-00000000c001\",\"seq\":42,\"occurredAt\":\"2026-12-02T10:00:00.123456Z\","
            + "\"data\":{\"body\":\"bench-12345\",\"clientMsgId\":\"m12345\"}}}";

    @Test
    void theFramesOwnTypeIsTheFirstOne() {
        assertThat(FrameScan.typeIs(frame(EVENT), FrameScan.quoted("event"))).isTrue();
        assertThat(FrameScan.typeIs(frame(EVENT), FrameScan.quoted("message.created"))).isFalse();
        assertThat(FrameScan.typeIs(frame("{\"type\":\"ack\",\"ref\":7}"), FrameScan.quoted("ack"))).isTrue();
        assertThat(FrameScan.typeIs(frame("{\"type\":\"acknowledged\"}"), FrameScan.quoted("ack"))).isFalse();
    }

    @Test
    void readsNumbersQuotedOrNot() {
        assertThat(FrameScan.number(frame("{\"type\":\"ack\",\"ref\":1234,\"result\":{}}"), FrameScan.key("ref"))).isEqualTo(1234);
        assertThat(FrameScan.number(frame("{\"type\":\"ack\",\"ref\":\"99\"}"), FrameScan.key("ref"))).isEqualTo(99);
        assertThat(FrameScan.number(frame(EVENT), FrameScan.key("seq"))).isEqualTo(42);
    }

    @Test
    void anAbsentOrNonNumericFieldIsAbsent() {
        assertThat(FrameScan.number(frame("{\"type\":\"welcome\"}"), FrameScan.key("ref"))).isEqualTo(FrameScan.ABSENT);
        assertThat(FrameScan.number(frame("{\"type\":\"ack\",\"ref\":\"r\"}"), FrameScan.key("ref"))).isEqualTo(FrameScan.ABSENT);
    }

    @Test
    void readsStringsAndTheBenchBody() {
        ByteBuf event = frame(EVENT);
        assertThat(FrameScan.string(event, FrameScan.key("conversationId"))).isEqualTo("0190c0de-0000-7000-8000-00000000c001");
        assertThat(FrameScan.string(event, FrameScan.key("occurredAt"))).isEqualTo("2026-12-02T10:00:00.123456Z");
        byte[] body = FrameScan.ascii("\"body\":\"bench-");
        assertThat(FrameScan.digits(event, FrameScan.indexOf(event, body, 0) + body.length)).isEqualTo(12345);
        assertThat(FrameScan.string(frame("{\"type\":\"error\",\"ref\":3,\"code\":\"frame.rate_limited\"}"), FrameScan.key("code")))
                .isEqualTo("frame.rate_limited");
    }

    @Test
    void scansFromTheReaderIndex() {
        ByteBuf shifted = frame("xx{\"type\":\"ack\"}");
        shifted.readerIndex(2);
        assertThat(FrameScan.typeIs(shifted, FrameScan.quoted("ack"))).isTrue();
    }
}
