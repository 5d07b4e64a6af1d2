package dev.parley.assignment.application;

import dev.parley.assignment.application.ConversationService.AssignOutcome;
import dev.parley.assignment.domain.Strategy;
import java.time.Duration;
import java.util.UUID;

/** What the worker reports about its work (metrics). Implementations must not block or throw. */
public interface AssignmentObserver {

    /** One answer of the conversation service to an assignment. */
    void attempted(Strategy strategy, AssignOutcome outcome);

    /** A conversation got its owner {@code waited} after it was queued. */
    void assigned(Strategy strategy, Duration waited);

    /** A department's queue as last read: how many wait (up to the page size) and for how long the oldest has. */
    void queueRead(UUID departmentId, int length, Duration oldestWait);

    AssignmentObserver NONE = new AssignmentObserver() {
        @Override
        public void attempted(Strategy strategy, AssignOutcome outcome) {
        }

        @Override
        public void assigned(Strategy strategy, Duration waited) {
        }

        @Override
        public void queueRead(UUID departmentId, int length, Duration oldestWait) {
        }
    };
}
