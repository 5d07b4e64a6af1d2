package dev.parley.conversation.queue.domain;

import java.time.Duration;
import java.util.Optional;

/**
 * How long a customer at a place in line will wait, or that nobody can say. It said "about 1 min"
 * to number 19 while every online agent was at capacity (issue 15, 8c): the recent assignment rate
 * alone says nothing about when a seat frees up. So:
 * <ul>
 *   <li>no agent of the department online, or every online one at capacity: unknown (a seat
 *       frees when a conversation ends, which no rate of ours predicts);</li>
 *   <li>at least as many free seats as the place: now (zero), the worker is seating them;</li>
 *   <li>fewer: the customers beyond the free seats wait the recent time between two assignments
 *       each; unknown without such a history.</li>
 * </ul>
 *
 * @param onlineAgents the department's agents who are ONLINE
 * @param freeSeats    the room those agents have left: the sum of max concurrent less open, each at least 0
 */
public record WaitEstimate(int onlineAgents, int freeSeats) {

    public Optional<Duration> forPlace(int place, Optional<Duration> assignmentInterval) {
        if (onlineAgents <= 0 || freeSeats <= 0) {
            return Optional.empty();
        }
        if (place <= freeSeats) {
            return Optional.of(Duration.ZERO);
        }
        return assignmentInterval.map(between -> between.multipliedBy(place - freeSeats));
    }
}
