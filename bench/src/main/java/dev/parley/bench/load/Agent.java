package dev.parley.bench.load;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntConsumer;

/**
 * An agent on node B holding its conversations: records each bench message of its own conversations
 * it reads (latency from the intended send time, and from the event's {@code occurredAt}) and
 * answers with {@code read} as its {@link ReadPolicy} says; messages of its department's other
 * conversations, which reach it too, are only counted. Resumes with the seqs it has seen after
 * a reconnect, as the console does; renews its token when told it expires.
 */
final class Agent extends Client {

    private static final byte[] EVENT = FrameScan.quoted("event");
    private static final byte[] ACK = FrameScan.quoted("ack");
    private static final byte[] ERROR = FrameScan.quoted("error");
    private static final byte[] EXPIRING = FrameScan.quoted("auth.expiring");
    private static final byte[] MESSAGE_CREATED = FrameScan.ascii("\"type\":\"message.created\"");
    private static final byte[] BENCH_BODY = FrameScan.ascii("\"body\":\"bench-");
    private static final byte[] CONVERSATION = FrameScan.key("conversationId");
    private static final byte[] SEQ = FrameScan.key("seq");
    private static final byte[] OCCURRED_AT = FrameScan.key("occurredAt");
    private static final byte[] CODE = FrameScan.key("code");
    private static final byte[] REF_AUTH = FrameScan.ascii("\"ref\":\"auth\"");
    private static final byte[] REF_READ = FrameScan.ascii("\"ref\":\"r\"");

    final int number;
    private final Floor floor;
    private final ReadPolicy policy;
    private final IntConsumer onClose;
    private volatile String accessToken;
    private volatile String refreshToken;
    /** Per conversation of the floor (only this agent's are touched): the highest seq seen, and read. */
    private final Map<Integer, long[]> seqs = new ConcurrentHashMap<>();
    final AtomicLong readsSent = new AtomicLong();
    final AtomicLong readsAnswered = new AtomicLong();
    /** Reads that were in flight when a socket closed: never answered, no longer pending. */
    private final AtomicLong readsAbandoned = new AtomicLong();
    final Map<String, LongAdder> readErrors = new ConcurrentHashMap<>();
    /** Messages of conversations this agent does not own, read because they are addressed to its department. */
    final AtomicLong departmentCopies = new AtomicLong();

    Agent(String source, int number, String accessToken, String refreshToken, Floor floor, ReadPolicy policy,
          IntConsumer onClose) {
        super(source);
        this.number = number;
        this.accessToken = accessToken;
        this.refreshToken = refreshToken;
        this.floor = floor;
        this.policy = policy;
        this.onClose = onClose;
    }

    /** Reads sent and not yet answered on the current socket. */
    long readsPending() {
        return readsSent.get() - readsAnswered.get() - readsAbandoned.get();
    }

    @Override
    String hello() {
        readsAbandoned.set(readsSent.get() - readsAnswered.get());
        StringBuilder hello = new StringBuilder("{\"type\":\"hello\",\"token\":\"").append(accessToken).append('"');
        StringBuilder last = new StringBuilder();
        seqs.forEach((conversation, seen) -> {
            if (seen[0] > 0) {
                last.append(last.isEmpty() ? "" : ",").append('"').append(floor.conversationId(conversation)).append("\":")
                        .append(seen[0]);
            }
        });
        if (!last.isEmpty()) {
            hello.append(",\"lastSeqs\":{").append(last).append('}');
        }
        return hello.append('}').toString();
    }

    @Override
    void frame(ByteBuf frame, long now) {
        if (FrameScan.typeIs(frame, EVENT)) {
            event(frame, now);
        } else if (FrameScan.typeIs(frame, ACK)) {
            if (!FrameScan.contains(frame, REF_AUTH)) {
                readsAnswered.incrementAndGet();
            }
        } else if (FrameScan.typeIs(frame, ERROR)) {
            if (FrameScan.contains(frame, REF_READ)) {
                readsAnswered.incrementAndGet(); // not resume.failed, which answers no read
            }
            String code = FrameScan.string(frame, CODE);
            readErrors.computeIfAbsent(code == null ? "?" : code, unused -> new LongAdder()).increment();
        } else if (FrameScan.typeIs(frame, EXPIRING)) {
            floor.renew(this);
        }
    }

    private void event(ByteBuf frame, long now) {
        String conversationId = FrameScan.string(frame, CONVERSATION);
        int conversation = conversationId == null ? -1 : floor.conversationIndex(conversationId);
        long seq = FrameScan.number(frame, SEQ);
        if (conversation < 0) {
            return;
        }
        if (floor.owner(conversation) != number) {
            // every event of a conversation is addressed to its department too (the consoles' lists),
            // so each agent also reads the other agents' conversations; the console reads only its own
            if (FrameScan.contains(frame, MESSAGE_CREATED)) {
                departmentCopies.incrementAndGet();
            }
            return;
        }
        long[] seen = seqs.computeIfAbsent(conversation, unused -> new long[3]);
        if (seq != FrameScan.ABSENT) {
            seen[0] = Math.max(seen[0], seq);
        }
        if (!FrameScan.contains(frame, MESSAGE_CREATED)) {
            return;
        }
        int body = FrameScan.indexOf(frame, BENCH_BODY, 0);
        if (body >= 0) {
            long index = FrameScan.digits(frame, body + BENCH_BODY.length);
            Ledger ledger = floor.ledger();
            if (ledger.delivered(conversation, index, seq)) {
                Step step = ledger.stepOf(index);
                if (step != null) {
                    step.delivered.incrementAndGet();
                    Step.record(step.endToEnd, now - step.intended(index));
                    String occurredAt = FrameScan.string(frame, OCCURRED_AT);
                    if (occurredAt != null) {
                        Instant at = Instant.parse(occurredAt);
                        Instant wall = Instant.now();
                        Step.record(step.deliveryLeg, TimeUnit.SECONDS.toNanos(wall.getEpochSecond() - at.getEpochSecond())
                                + wall.getNano() - at.getNano());
                    }
                }
            }
        }
        if (seq != FrameScan.ABSENT) {
            markRead(conversation, conversationId, seen);
        }
    }

    /** As the console's markRead: the latest seq, when it is above the last one sent. */
    private void markRead(int conversation, String conversationId, long[] seen) {
        if (!policy.reads() || seen[0] <= seen[1]) {
            return;
        }
        if (!policy.coalesces()) {
            sendRead(conversationId, seen);
            return;
        }
        if (seen[2] == 0) {
            seen[2] = 1;
            Channel channel = channel();
            if (channel != null) {
                channel.eventLoop().schedule(() -> {
                    seen[2] = 0;
                    if (seen[0] > seen[1]) {
                        sendRead(conversationId, seen);
                    }
                }, policy.window().toNanos(), TimeUnit.NANOSECONDS);
            }
        }
    }

    private void sendRead(String conversationId, long[] seen) {
        long last = seen[0];
        seen[1] = last;
        if (send("{\"type\":\"read\",\"ref\":\"r\",\"conversationId\":\"" + conversationId + "\",\"lastDeliveredSeq\":" + last
                + ",\"lastReadSeq\":" + last + "}")) {
            readsSent.incrementAndGet();
        }
    }

    String refreshToken() {
        return refreshToken;
    }

    /** A fresh pair from {@code /api/v1/auth/refresh}: tell the gateway, and use it for reconnects. */
    void renewed(String access, String refresh) {
        accessToken = access;
        refreshToken = refresh;
        send("{\"type\":\"auth\",\"ref\":\"auth\",\"token\":\"" + access + "\"}");
    }

    @Override
    void closedUnexpectedly(int code) {
        onClose.accept(code);
    }
}
