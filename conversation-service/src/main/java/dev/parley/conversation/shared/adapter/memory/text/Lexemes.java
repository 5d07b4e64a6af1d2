package dev.parley.conversation.shared.adapter.memory.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Text as PostgreSQL's {@code to_tsvector} sees it, close enough for the in-memory store to give
 * the same answers: the default parser's words (lower-cased; apostrophes split, so "what's" is
 * "what" and "s"; a hyphenated word is itself and its parts; decimals stay whole), then either the
 * {@code simple} configuration (every word) or the {@code english} one (stop words dropped, the
 * rest stemmed by Snowball English).
 */
public final class Lexemes {

    /** PostgreSQL's {@code english.stop}. */
    private static final Set<String> ENGLISH_STOP_WORDS = Set.of(("i me my myself we our ours ourselves you your yours "
            + "yourself yourselves he him his himself she her hers herself it its itself they them their theirs "
            + "themselves what which who whom this that these those am is are was were be been being have has had "
            + "having do does did doing a an the and but if or because as until while of at by for with about against "
            + "between into through during before after above below to from up down in out on off over under again "
            + "further then once here there when where why how all any both each few more most other some such no nor "
            + "not only own same so than too very s t can will just don should now").split(" "));

    private Lexemes() {
    }

    /** {@code to_tsvector('simple', text)}: every word, in order. */
    public static List<String> simple(String text) {
        return words(text);
    }

    /** {@code to_tsvector('english', text)}: stop words dropped, the others stemmed, in order. */
    public static List<String> english(String text) {
        List<String> lexemes = new ArrayList<>();
        for (String word : words(text)) {
            if (!ENGLISH_STOP_WORDS.contains(word)) {
                lexemes.add(Character.isDigit(word.charAt(0)) ? word : EnglishStemmer.stem(word));
            }
        }
        return lexemes;
    }

    /** The parser's words, lower-cased, in order; a hyphenated word comes before its parts. */
    public static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        if (text == null) {
            return words;
        }
        String lower = text.toLowerCase(Locale.ROOT);
        int i = 0;
        while (i < lower.length()) {
            if (!Character.isLetterOrDigit(lower.charAt(i))) {
                i++;
                continue;
            }
            List<String> parts = new ArrayList<>();
            int end = i;
            while (true) {
                int start = end;
                while (end < lower.length() && (Character.isLetterOrDigit(lower.charAt(end))
                        || (isDecimalPoint(lower, end)))) {
                    end++;
                }
                parts.add(lower.substring(start, end));
                if (end + 1 < lower.length() && lower.charAt(end) == '-' && Character.isLetterOrDigit(lower.charAt(end + 1))) {
                    end++;
                    continue;
                }
                break;
            }
            if (parts.size() > 1) {
                words.add(String.join("-", parts));
            }
            words.addAll(parts);
            i = end;
        }
        return words;
    }

    private static boolean isDecimalPoint(String text, int at) {
        return text.charAt(at) == '.' && at > 0 && Character.isDigit(text.charAt(at - 1))
                && at + 1 < text.length() && Character.isDigit(text.charAt(at + 1));
    }
}
