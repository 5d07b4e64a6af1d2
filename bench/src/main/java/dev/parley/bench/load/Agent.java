package dev.parley.bench.load;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntConsumer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An agent on node B holding its conversations: records each bench message of its own conversations
 * it reads (latency from the intended send time, and from the event's {@code occurredAt}) and
 * answers with {@code read} as its {@link ReadPolicy} says; messages of its department's other
 * conversations, which reach it too, are only counted. It keeps its conversations' seqs as the
 * console's client does ({@code web/src/shared/socket.ts}): drops what it has seen, fills a gap or
 * a failed replay ({@code resume.failed}) with {@code events.since} while later events wait, and
 * resumes with the seqs it has after a reconnect; renews its token when told it expires.
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
    private static final byte[] REF_FILL = FrameScan.ascii("\"ref\":\"f");
    private static final byte[] RESUMED = FrameScan.quoted("resumed");
    private static final byte[] THROUGH_SEQ = FrameScan.key("throughSeq");
    private static final byte[] REF = FrameScan.key("ref");
    private static final String RESUME_FAILED = "resume.failed";
    /** Refusals of a gap fill worth asking again (as socket.ts's {@code transient}). */
    private static final Set<String> TRANSIENT = Set.of("upstream.unavailable", "store.unavailable", "frame.rate_limited",
            "gateway.internal", "auth.token_expired");
    private static final int FILL_PAGE = 100;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    final int number;
    private final Floor floor;
    private final ReadPolicy policy;
    private final IntConsumer onClose;
    private volatile String accessToken;
    private volatile String refreshToken;
    /** Per conversation of the floor (only this agent's are touched). */
    private final Map<Integer, Track> tracks = new ConcurrentHashMap<>();
    final AtomicLong readsSent = new AtomicLong();
    final AtomicLong readsAnswered = new AtomicLong();
    /** Reads that were in flight when a socket closed: never answered, no longer pending. */
    private final AtomicLong readsAbandoned = new AtomicLong();
    final Map<String, LongAdder> readErrors = new ConcurrentHashMap<>();
    /** Messages of conversations this agent does not own, read because they are addressed to its department. */
    final AtomicLong departmentCopies = new AtomicLong();
    /** {@code events.since} requests sent to fill a gap or a failed replay. */
    final AtomicLong gapFills = new AtomicLong();
    /** Events dropped because their seq was at or below what the agent had (a replay overlapping live ones). */
    final AtomicLong seenAgain = new AtomicLong();

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
        tracks.forEach((conversation, track) -> {
            track.reconnected();
            if (track.seen > 0) {
                last.append(last.isEmpty() ? "" : ",").append('"').append(floor.conversationId(conversation)).append("\":")
                        .append(track.seen);
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
            if (FrameScan.contains(frame, REF_READ)) {
                readsAnswered.incrementAndGet();
            } else if (FrameScan.contains(frame, REF_FILL)) {
                filled(frame, now);
            }
        } else if (FrameScan.typeIs(frame, ERROR)) {
            error(frame, now);
        } else if (FrameScan.typeIs(frame, RESUMED)) {
            Track track = ownTrack(FrameScan.string(frame, CONVERSATION));
            long through = FrameScan.number(frame, THROUGH_SEQ);
            // the replay reached throughSeq: nothing more below it for us, unless a fill holds events back
            if (track != null && !track.filling && through != FrameScan.ABSENT) {
                track.advance(through);
            }
        } else if (FrameScan.typeIs(frame, EXPIRING)) {
            floor.renew(this);
        }
    }

    private void error(ByteBuf frame, long now) {
        String code = FrameScan.string(frame, CODE);
        readErrors.computeIfAbsent(code == null ? "?" : code, unused -> new LongAdder()).increment();
        if (RESUME_FAILED.equals(code)) {
            // no resumed follows: what the replay did not send, the agent fetches itself
            String conversationId = FrameScan.string(frame, CONVERSATION);
            Track track = ownTrack(conversationId);
            if (track != null) {
                startFill(track, conversationId);
            }
        } else if (FrameScan.contains(frame, REF_READ)) {
            readsAnswered.incrementAndGet();
        } else if (FrameScan.contains(frame, REF_FILL)) {
            String ref = FrameScan.string(frame, REF);
            int conversation = Integer.parseInt(ref.substring(1));
            Track track = tracks.get(conversation);
            if (track == null || !track.filling) {
                return;
            }
            if (code != null && (TRANSIENT.contains(code) || code.startsWith("http.5"))) {
                retryFill(track, floor.conversationId(conversation));
            } else {
                track.release(); // refused for good: what waited is dropped, as socket.ts does
            }
        }
    }

    private Track ownTrack(String conversationId) {
        int conversation = conversationId == null ? -1 : floor.conversationIndex(conversationId);
        return conversation < 0 || floor.owner(conversation) != number ? null
                : tracks.computeIfAbsent(conversation, unused -> new Track());
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
        Track track = tracks.computeIfAbsent(conversation, unused -> new Track());
        if (track.filling) {
            track.held.add(ByteBufUtil.getBytes(frame));
            return;
        }
        switch (track.judge(seq)) {
            case DUPLICATE -> seenAgain.incrementAndGet();
            case GAP -> {
                track.held.add(ByteBufUtil.getBytes(frame));
                startFill(track, conversationId);
            }
            case APPLY -> {
                if (seq != FrameScan.ABSENT) {
                    track.advance(seq);
                }
                apply(conversation, conversationId, track, frame, seq, now);
            }
        }
    }

    /** An event the agent now has, in order: the ledger counts it, and it is marked read. */
    private void apply(int conversation, String conversationId, Track track, ByteBuf frame, long seq, long now) {
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
            markRead(conversationId, track);
        }
    }

    private void startFill(Track track, String conversationId) {
        if (track.filling) {
            return;
        }
        track.filling = true;
        requestPage(track, conversationId);
    }

    private void requestPage(Track track, String conversationId) {
        if (send("{\"type\":\"events.since\",\"ref\":\"f" + floor.conversationIndex(conversationId)
                + "\",\"conversationId\":\"" + conversationId + "\",\"since\":" + track.seen + ",\"limit\":" + FILL_PAGE + "}")) {
            gapFills.incrementAndGet();
        }
        // not sent: the socket is gone, and the next hello resumes from track.seen
    }

    private void retryFill(Track track, String conversationId) {
        Channel channel = channel();
        if (channel == null) {
            return;
        }
        long delayMillis = Math.min(5_000, 250L << Math.min(track.fillFailures++, 5));
        channel.eventLoop().schedule(() -> {
            if (track.filling && channel == channel()) {
                requestPage(track, conversationId);
            }
        }, delayMillis, TimeUnit.MILLISECONDS);
    }

    /** A page of {@code events.since}: every event after the seq asked from that the agent may see, in order. */
    private void filled(ByteBuf frame, long now) {
        JsonNode answer = JSON.readTree(ByteBufUtil.getBytes(frame));
        int conversation = Integer.parseInt(answer.path("ref").asString().substring(1));
        Track track = tracks.get(conversation);
        if (track == null || !track.filling) {
            return;
        }
        String conversationId = floor.conversationId(conversation);
        JsonNode page = answer.path("result");
        long since = track.seen;
        for (JsonNode event : page.path("events")) {
            long seq = event.path("seq").asLong(FrameScan.ABSENT);
            if (seq != FrameScan.ABSENT && seq > track.seen) {
                track.advance(seq);
                apply(conversation, conversationId, track, Unpooled.wrappedBuffer(JSON.writeValueAsBytes(event)), seq, now);
            }
        }
        track.advance(page.path("throughSeq").asLong(0));
        if (page.path("more").asBoolean(false) && track.seen > since) {
            requestPage(track, conversationId);
            return;
        }
        List<byte[]> waiting = track.release();
        for (byte[] held : waiting) {
            event(Unpooled.wrappedBuffer(held), now);
        }
    }

    /** As the console's markRead: the latest seq, when it is above the last one sent. */
    private void markRead(String conversationId, Track track) {
        if (!policy.reads() || track.seen <= track.readSent) {
            return;
        }
        if (!policy.coalesces()) {
            sendRead(conversationId, track);
            return;
        }
        if (!track.readScheduled) {
            Channel channel = channel();
            if (channel != null) {
                track.readScheduled = true;
                channel.eventLoop().schedule(() -> {
                    track.readScheduled = false;
                    if (track.seen > track.readSent) {
                        sendRead(conversationId, track);
                    }
                }, policy.window().toNanos(), TimeUnit.NANOSECONDS);
            }
        }
    }

    private void sendRead(String conversationId, Track track) {
        long last = track.seen;
        track.readSent = last;
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
