package dev.parley.events.bus;

import dev.parley.events.EventEnvelope;
import dev.parley.events.json.EventCodec;
import dev.parley.events.json.MalformedEventException;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * What every adapter does with one consumed record: decode it, hand it to the handler with bounded
 * retries, and dead-letter what cannot be decoded or handled. The returned {@code Mono} completes
 * when the record may be acknowledged and fails only if the dead-letter copy itself failed (then
 * the record must not be acknowledged).
 */
public final class RecordProcessor {

    private static final Logger log = LoggerFactory.getLogger(RecordProcessor.class);

    private final String topic;
    private final String group;
    /** Decodes a record as far as its handler needs and hands it over; throws {@link MalformedEventException} first. */
    private final Function<byte[], Mono<Void>> handling;
    private final DeadLetterSink deadLetters;
    private final DeliverySettings settings;
    private final EventBusMetrics metrics;

    public RecordProcessor(String topic, String group, EventHandler handler, EventCodec codec,
                           DeadLetterSink deadLetters, DeliverySettings settings, MeterRegistry registry) {
        this(topic, group, value -> {
            EventEnvelope event = codec.decode(value);
            return Mono.defer(() -> handler.handle(event));
        }, deadLetters, settings, registry);
    }

    /** For a {@link RawEventHandler}: only the header is decoded, the bytes are handed over as they came. */
    public RecordProcessor(String topic, String group, RawEventHandler handler, EventCodec codec,
                           DeadLetterSink deadLetters, DeliverySettings settings, MeterRegistry registry) {
        this(topic, group, value -> {
            ReceivedEvent event = new ReceivedEvent(codec.header(value), value);
            return Mono.defer(() -> handler.handle(event));
        }, deadLetters, settings, registry);
    }

    private RecordProcessor(String topic, String group, Function<byte[], Mono<Void>> handling,
                            DeadLetterSink deadLetters, DeliverySettings settings, MeterRegistry registry) {
        this.topic = topic;
        this.group = group;
        this.handling = handling;
        this.deadLetters = deadLetters;
        this.settings = settings;
        this.metrics = new EventBusMetrics(registry);
    }

    public Mono<Void> process(String key, byte[] value) {
        Mono<Void> handled;
        try {
            handled = handling.apply(value);
        } catch (MalformedEventException e) {
            return deadLetter(key, value, DeadLetter.MALFORMED, e);
        }
        return handled
                .retryWhen(retries())
                .doOnSuccess(ignored -> metrics.handled(topic, group))
                .onErrorResume(e -> deadLetter(key, value, DeadLetter.HANDLER_FAILED, e));
    }

    private Retry retries() {
        return Retry.backoff(settings.maxHandlerAttempts() - 1L, settings.firstBackoff())
                .maxBackoff(settings.maxBackoff())
                .doBeforeRetry(signal -> log.warn("Handler of {} in group {} failed (attempt {}), retrying",
                        topic, group, signal.totalRetries() + 1, signal.failure()));
    }

    private Mono<Void> deadLetter(String key, byte[] value, String reason, Throwable cause) {
        Throwable root = cause.getCause() != null && reason.equals(DeadLetter.HANDLER_FAILED) ? cause.getCause() : cause;
        log.error("Dead-lettering a record of {} in group {} ({}): {}", topic, group, reason, root.toString());
        var letter = new DeadLetter(topic, group, key, value, reason, root.toString());
        return deadLetters.deadLetter(letter).doOnSuccess(ignored -> metrics.deadLettered(topic, group, reason));
    }
}
