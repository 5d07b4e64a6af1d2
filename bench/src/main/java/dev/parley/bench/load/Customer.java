package dev.parley.bench.load;

import io.netty.buffer.ByteBuf;
import java.util.function.IntConsumer;

/**
 * A customer on node A with one conversation: sends {@code message.send} when the pacer says so
 * (ref = the message's index) and reads the ack or error that answers it.
 */
final class Customer extends Client {

    private static final byte[] ACK = FrameScan.quoted("ack");
    private static final byte[] ERROR = FrameScan.quoted("error");
    private static final byte[] REF = FrameScan.key("ref");
    private static final byte[] CODE = FrameScan.key("code");

    private final String token;
    final String conversationId;
    private final Ledger ledger;
    private final IntConsumer onClose;

    Customer(String source, String token, String conversationId, Ledger ledger, IntConsumer onClose) {
        super(source);
        this.token = token;
        this.conversationId = conversationId;
        this.ledger = ledger;
        this.onClose = onClose;
    }

    @Override
    String hello() {
        return "{\"type\":\"hello\",\"token\":\"" + token + "\"}";
    }

    /** Sends message {@code index}; false if the socket is not open (the message is then not sent). */
    boolean sendMessage(long index) {
        String frame = "{\"type\":\"message.send\",\"ref\":" + index + ",\"conversationId\":\"" + conversationId
                + "\",\"clientMsgId\":\"m" + index + "\",\"body\":\"bench-" + index + "\",\"kind\":\"TEXT\"}";
        return send(frame);
    }

    @Override
    void frame(ByteBuf frame, long now) {
        boolean ack = FrameScan.typeIs(frame, ACK);
        if (!ack && !FrameScan.typeIs(frame, ERROR)) {
            return; // the echo of its own message, read receipts, presence: not measured
        }
        long index = FrameScan.number(frame, REF);
        Step step = index == FrameScan.ABSENT ? null : ledger.stepOf(index);
        if (step == null) {
            return;
        }
        if (ack) {
            ledger.mark(index, Ledger.ACKED);
            step.acked.incrementAndGet();
            Step.record(step.commandLeg, now - step.intended(index));
        } else {
            ledger.mark(index, Ledger.ERRORED);
            step.error(FrameScan.string(frame, CODE));
        }
    }

    @Override
    void closedUnexpectedly(int code) {
        onClose.accept(code);
    }
}
