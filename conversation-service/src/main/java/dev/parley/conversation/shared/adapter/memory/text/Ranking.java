package dev.parley.conversation.shared.adapter.memory.text;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A document's lexemes with their weights in position order, and PostgreSQL's {@code ts_rank} of an
 * OR query over them ({@code calc_rank_or} with the default weights), so ties between equally
 * covering entries break as they do in PostgreSQL.
 */
public final class Ranking {

    /** ts_rank's default weights of D, C, B, A. */
    public enum Weight {
        D(0.1), C(0.2), B(0.4), A(1.0);

        private final double value;

        Weight(double value) {
            this.value = value;
        }
    }

    /** Sum of 1/i² for i ≥ 1 (π²/6), by which {@code calc_rank_or} normalises. */
    private static final double LIMIT = 1.64493406685;

    private final Map<String, List<Weight>> positions = new HashMap<>();

    /** Appends {@code lexemes} at the next positions with {@code weight}, as {@code setweight(...) ||} does. */
    public Ranking add(List<String> lexemes, Weight weight) {
        lexemes.forEach(lexeme -> positions.computeIfAbsent(lexeme, ignored -> new ArrayList<>()).add(weight));
        return this;
    }

    public boolean contains(String lexeme) {
        return positions.containsKey(lexeme);
    }

    public int occurrences(String lexeme) {
        return positions.getOrDefault(lexeme, List.of()).size();
    }

    /** {@code ts_rank(document, l1 | l2 | ...)}. */
    public double rankOr(Collection<String> query) {
        if (query.isEmpty()) {
            return 0;
        }
        double rank = 0;
        for (String lexeme : query) {
            List<Weight> weights = positions.get(lexeme);
            if (weights == null) {
                continue;
            }
            double sum = 0;
            double best = -1;
            int bestAt = 0;
            for (int j = 0; j < weights.size(); j++) {
                double w = weights.get(j).value;
                sum += w / ((j + 1.0) * (j + 1.0));
                if (w > best) {
                    best = w;
                    bestAt = j;
                }
            }
            rank += (best + sum - best / ((bestAt + 1.0) * (bestAt + 1.0))) / LIMIT;
        }
        return rank / query.size();
    }
}
