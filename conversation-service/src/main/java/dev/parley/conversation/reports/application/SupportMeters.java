package dev.parley.conversation.reports.application;

import java.time.Duration;
import java.util.UUID;

/** Live support measurements, as they happen (the reports compute the same from history). */
public interface SupportMeters {

    /** An agent answered a conversation for the first time, this long after it started waiting. */
    void firstResponse(UUID departmentId, UUID inboxId, Duration waited);

    /** A conversation was resolved this long after it started. */
    void resolved(UUID departmentId, UUID inboxId, Duration took);
}
