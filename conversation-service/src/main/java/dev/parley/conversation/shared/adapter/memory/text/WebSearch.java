package dev.parley.conversation.shared.adapter.memory.text;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code websearch_to_tsquery('simple', text)} in memory: words and "quoted phrases" must all
 * occur, {@code -word} must not, {@code a or b} needs either. A hyphenated word is the phrase of
 * itself and its parts, as PostgreSQL parses it.
 */
public final class WebSearch {

    private static final Pattern TERM = Pattern.compile("(-?)(\"[^\"]*\"?|\\S+)");

    /** A word or phrase, negated or not. */
    private record Clause(List<String> phrase, boolean negated) {

        boolean matches(List<String> words) {
            if (phrase.isEmpty()) {
                return !negated;
            }
            boolean found = false;
            for (int i = 0; i + phrase.size() <= words.size() && !found; i++) {
                found = words.subList(i, i + phrase.size()).equals(phrase);
            }
            return found != negated;
        }
    }

    /** Every group must match; a group matches when any of its clauses does. */
    private final List<List<Clause>> groups;

    private WebSearch(List<List<Clause>> groups) {
        this.groups = groups;
    }

    public static WebSearch parse(String text) {
        List<List<Clause>> groups = new ArrayList<>();
        boolean or = false;
        Matcher matcher = TERM.matcher(text);
        while (matcher.find()) {
            String term = matcher.group(2);
            if (matcher.group(1).isEmpty() && term.equalsIgnoreCase("or")) {
                or = !groups.isEmpty();
                continue;
            }
            var clause = new Clause(Lexemes.simple(term.replace("\"", " ")), !matcher.group(1).isEmpty());
            if (clause.phrase().isEmpty()) {
                continue;
            }
            if (or) {
                groups.get(groups.size() - 1).add(clause);
            } else {
                groups.add(new ArrayList<>(List.of(clause)));
            }
            or = false;
        }
        return new WebSearch(groups);
    }

    /** Whether the text of these words matches; a query without any word matches nothing, as in PostgreSQL. */
    public boolean matches(List<String> words) {
        return !groups.isEmpty() && groups.stream().allMatch(group -> group.stream().anyMatch(c -> c.matches(words)));
    }

    /** The words a match is made of, for ranking and highlighting. */
    public List<String> positiveWords() {
        return groups.stream().flatMap(List::stream).filter(c -> !c.negated()).flatMap(c -> c.phrase().stream())
                .distinct().toList();
    }
}
