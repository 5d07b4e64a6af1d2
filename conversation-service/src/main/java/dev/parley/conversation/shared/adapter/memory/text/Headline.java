package dev.parley.conversation.shared.adapter.memory.text;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A snippet as {@code ts_headline(..., 'MaxFragments=1, MaxWords=20, MinWords=5')} gives one: the
 * text around the first match, at most 20 words, matched words wrapped in {@code <b>…</b>}.
 */
public final class Headline {

    private static final int MAX_WORDS = 20;
    /** Words kept before the first match, so it reads in context. */
    private static final int LEAD = 5;
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+(?:[-.][\\p{L}\\p{N}]+)*");

    private Headline() {
    }

    public static String of(String text, Collection<String> words) {
        List<int[]> spans = new ArrayList<>();
        Matcher matcher = WORD.matcher(text);
        while (matcher.find()) {
            spans.add(new int[] {matcher.start(), matcher.end()});
        }
        int first = 0;
        for (int i = 0; i < spans.size(); i++) {
            if (hit(text, spans.get(i), words)) {
                first = i;
                break;
            }
        }
        int from = spans.size() <= MAX_WORDS ? 0 : Math.max(0, Math.min(first - LEAD, spans.size() - MAX_WORDS));
        int to = Math.min(spans.size(), from + MAX_WORDS);
        if (from >= to) {
            return text;
        }
        StringBuilder out = new StringBuilder();
        int cursor = spans.get(from)[0];
        for (int i = from; i < to; i++) {
            int[] span = spans.get(i);
            out.append(text, cursor, span[0]);
            String word = text.substring(span[0], span[1]);
            out.append(hit(text, span, words) ? "<b>" + word + "</b>" : word);
            cursor = span[1];
        }
        return out.toString();
    }

    private static boolean hit(String text, int[] span, Collection<String> words) {
        return words.contains(text.substring(span[0], span[1]).toLowerCase(Locale.ROOT));
    }
}
