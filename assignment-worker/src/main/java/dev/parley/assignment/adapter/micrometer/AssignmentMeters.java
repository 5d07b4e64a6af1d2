package dev.parley.assignment.adapter.micrometer;

import dev.parley.assignment.application.AssignmentObserver;
import dev.parley.assignment.application.ConversationService.AssignOutcome;
import dev.parley.assignment.domain.Strategy;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The worker's meters:
 * <ul>
 *   <li>{@code parley.assignment.assignments{strategy,outcome}}: answers to assignments
 *       ({@code assigned}, {@code agent_unavailable}, {@code not_waiting});</li>
 *   <li>{@code parley.assignment.latency}: queued → assigned, with a percentiles histogram;</li>
 *   <li>{@code parley.assignment.queue.length{department}} and
 *       {@code parley.assignment.queue.oldest.wait{department}} (seconds): as of this worker's last read
 *       of that queue (an event's drain or the sweep). Lengths are capped at the queue page.</li>
 * </ul>
 */
public final class AssignmentMeters implements AssignmentObserver {

    private final MeterRegistry registry;
    private final Timer latency;
    private final Map<String, Counter> attempts = new ConcurrentHashMap<>();
    private final Map<UUID, QueueGauges> queues = new ConcurrentHashMap<>();

    public AssignmentMeters(MeterRegistry registry) {
        this.registry = registry;
        this.latency = Timer.builder("parley.assignment.latency")
                .description("Time from entering the queue to getting an owner")
                .publishPercentileHistogram()
                .register(registry);
    }

    private record QueueGauges(AtomicLong length, AtomicLong oldestWaitMillis) {
    }

    @Override
    public void attempted(Strategy strategy, AssignOutcome outcome) {
        String strategyTag = strategy.name().toLowerCase(Locale.ROOT);
        String outcomeTag = outcome.name().toLowerCase(Locale.ROOT);
        attempts.computeIfAbsent(strategyTag + "/" + outcomeTag, key -> Counter.builder("parley.assignment.assignments")
                .description("Assignments asked of the conversation service, by answer")
                .tag("strategy", strategyTag).tag("outcome", outcomeTag)
                .register(registry)).increment();
    }

    @Override
    public void assigned(Strategy strategy, Duration waited) {
        latency.record(waited);
    }

    @Override
    public void queueRead(UUID departmentId, int length, Duration oldestWait) {
        QueueGauges gauges = queues.computeIfAbsent(departmentId, this::register);
        gauges.length().set(length);
        gauges.oldestWaitMillis().set(oldestWait.toMillis());
    }

    private QueueGauges register(UUID departmentId) {
        var gauges = new QueueGauges(new AtomicLong(), new AtomicLong());
        Gauge.builder("parley.assignment.queue.length", gauges.length(), AtomicLong::get)
                .description("Conversations waiting in the department's queue at the last read")
                .tag("department", departmentId.toString()).register(registry);
        Gauge.builder("parley.assignment.queue.oldest.wait", gauges.oldestWaitMillis(), ms -> ms.get() / 1000.0)
                .description("How long the department's oldest waiting conversation had waited at the last read")
                .baseUnit("seconds")
                .tag("department", departmentId.toString()).register(registry);
        return gauges;
    }
}
