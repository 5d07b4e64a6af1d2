package dev.parley.bench;

import java.util.List;
import java.util.OptionalInt;

/**
 * Where the floor stops keeping up: the highest offered rate that was sustained, below the lowest
 * that was not. After the listed steps it proposes the next rate to try: up by {@code growth} while
 * every step kept up (never past {@code maxRate}), down by half while none did, otherwise halfway
 * between the two, until they are within {@code resolution} of each other. The benchmark bounds
 * how many rates it tries.
 */
final class KneeSearch {

    private static final int LOWEST = 5;

    private final double growth;
    private final double resolution;
    private final int maxRate;

    KneeSearch(double growth, double resolution, int maxRate) {
        this.growth = growth;
        this.resolution = resolution;
        this.maxRate = maxRate;
    }

    /** A step's rate and whether it kept up. */
    record Tried(int rate, boolean sustained) {
    }

    /** The next rate to try, or empty when the knee is found (or out of range). */
    OptionalInt next(List<Tried> tried) {
        OptionalInt failed = lowestFailed(tried);
        OptionalInt held = highestHeld(tried, failed);
        int candidate;
        if (failed.isEmpty()) {
            if (held.isEmpty() || held.getAsInt() >= maxRate) {
                return OptionalInt.empty();
            }
            candidate = Math.min(maxRate, (int) Math.round(held.getAsInt() * growth));
        } else if (held.isEmpty()) {
            candidate = failed.getAsInt() / 2;
            if (candidate < LOWEST) {
                return OptionalInt.empty();
            }
        } else {
            int low = held.getAsInt();
            int high = failed.getAsInt();
            if (high <= low * (1 + resolution) || high - low <= 1) {
                return OptionalInt.empty();
            }
            candidate = (low + high) / 2;
        }
        int proposed = candidate;
        return tried.stream().anyMatch(t -> t.rate() == proposed) ? OptionalInt.empty() : OptionalInt.of(proposed);
    }

    /** The knee: the highest sustained rate below the lowest that was not; empty if none was sustained. */
    OptionalInt knee(List<Tried> tried) {
        return highestHeld(tried, lowestFailed(tried));
    }

    private static OptionalInt lowestFailed(List<Tried> tried) {
        return tried.stream().filter(t -> !t.sustained()).mapToInt(Tried::rate).min();
    }

    private static OptionalInt highestHeld(List<Tried> tried, OptionalInt failed) {
        return tried.stream().filter(Tried::sustained).mapToInt(Tried::rate)
                .filter(rate -> failed.isEmpty() || rate < failed.getAsInt()).max();
    }
}
