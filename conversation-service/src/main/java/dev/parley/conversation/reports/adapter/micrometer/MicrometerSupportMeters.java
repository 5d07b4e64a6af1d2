package dev.parley.conversation.reports.adapter.micrometer;

import dev.parley.conversation.reports.application.SupportMeters;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.UUID;

/**
 * {@code parley.support.first.response} and {@code parley.support.resolution} timers by department
 * and inbox, with a percentile histogram so dashboards can show p50/p90 across instances. Per-agent
 * numbers live in the reports: an agent tag would multiply series by the team's size.
 */
public final class MicrometerSupportMeters implements SupportMeters {

    private final MeterRegistry registry;

    public MicrometerSupportMeters(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void firstResponse(UUID departmentId, UUID inboxId, Duration waited) {
        timer("parley.support.first.response", departmentId, inboxId).record(waited);
    }

    @Override
    public void resolved(UUID departmentId, UUID inboxId, Duration took) {
        timer("parley.support.resolution", departmentId, inboxId).record(took);
    }

    private Timer timer(String name, UUID departmentId, UUID inboxId) {
        return Timer.builder(name)
                .tag("department", String.valueOf(departmentId))
                .tag("inbox", String.valueOf(inboxId))
                .publishPercentileHistogram()
                .register(registry);
    }
}
