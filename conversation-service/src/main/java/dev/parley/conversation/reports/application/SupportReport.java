package dev.parley.conversation.reports.application;

import java.util.UUID;

/**
 * Support numbers for one agent, department or inbox over a period. Times in seconds, null when
 * nothing was measured.
 *
 * @param handled           conversations started in the period
 * @param resolved          of those, the ones resolved (now resolved or closed after a resolution)
 * @param resolutionRate    resolved / handled
 * @param firstResponse     mean time from entering the queue (or starting) to the first agent reply
 * @param averageResponse   mean time from a customer's turn (first message after an agent's) to the agent's reply
 * @param resolution        mean time from start to resolution
 */
public record SupportReport(UUID key, String name, long handled, long resolved, Double resolutionRate,
                            Double firstResponse, Double averageResponse, Double resolution) {
}
