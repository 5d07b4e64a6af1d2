package dev.parley.conversation.shared.adapter.memory.text;

import java.util.Map;
import java.util.Set;

/**
 * The Snowball English ("Porter2") stemmer, which PostgreSQL's {@code english_stem} dictionary
 * uses, so the in-memory FAQ search reduces words to the same lexemes as {@code to_tsvector}.
 * Follows https://snowballstem.org/algorithms/english/stemmer.html step by step.
 */
final class EnglishStemmer {

    private static final Map<String, String> EXCEPTIONS = Map.ofEntries(
            Map.entry("skis", "ski"), Map.entry("skies", "sky"), Map.entry("dying", "die"), Map.entry("lying", "lie"),
            Map.entry("tying", "tie"), Map.entry("idly", "idl"), Map.entry("gently", "gentl"), Map.entry("ugly", "ugli"),
            Map.entry("early", "earli"), Map.entry("only", "onli"), Map.entry("singly", "singl"), Map.entry("sky", "sky"),
            Map.entry("news", "news"), Map.entry("howe", "howe"), Map.entry("atlas", "atlas"),
            Map.entry("cosmos", "cosmos"), Map.entry("bias", "bias"), Map.entry("andes", "andes"));
    private static final Set<String> AFTER_STEP_1A = Set.of("inning", "outing", "canning", "herring", "earring",
            "proceed", "exceed", "succeed");
    private static final String[][] STEP_2 = {
            {"ational", "ate"}, {"tional", "tion"}, {"enci", "ence"}, {"anci", "ance"}, {"abli", "able"},
            {"entli", "ent"}, {"izer", "ize"}, {"ization", "ize"}, {"ation", "ate"}, {"ator", "ate"},
            {"alism", "al"}, {"aliti", "al"}, {"alli", "al"}, {"fulness", "ful"}, {"ousli", "ous"},
            {"ousness", "ous"}, {"iveness", "ive"}, {"iviti", "ive"}, {"biliti", "ble"}, {"bli", "ble"},
            {"ogi", "og"}, {"fulli", "ful"}, {"lessli", "less"}, {"li", ""}};
    private static final String[][] STEP_3 = {
            {"ational", "ate"}, {"tional", "tion"}, {"alize", "al"}, {"icate", "ic"}, {"iciti", "ic"},
            {"ical", "ic"}, {"ful", ""}, {"ness", ""}, {"ative", ""}};
    private static final String[] STEP_4 = {"ement", "ance", "ence", "able", "ible", "ment", "ant", "ent", "ism", "ate",
            "iti", "ous", "ive", "ize", "ion", "al", "er", "ic"};

    private StringBuilder w;
    private int r1;
    private int r2;

    static String stem(String word) {
        return new EnglishStemmer().run(word);
    }

    private String run(String word) {
        if (word.length() <= 2) {
            return word;
        }
        String exception = EXCEPTIONS.get(word);
        if (exception != null) {
            return exception;
        }
        w = new StringBuilder(word.startsWith("'") ? word.substring(1) : word);
        markYs();
        regions();
        step0();
        step1a();
        if (AFTER_STEP_1A.contains(w.toString())) {
            return w.toString();
        }
        step1b();
        step1c();
        step2();
        step3();
        step4();
        step5();
        return w.toString().replace('Y', 'y');
    }

    private static boolean vowel(char c) {
        return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y';
    }

    private boolean vowelAt(int i) {
        return vowel(w.charAt(i));
    }

    private void markYs() {
        for (int i = 0; i < w.length(); i++) {
            if (w.charAt(i) == 'y' && (i == 0 || vowelAt(i - 1))) {
                w.setCharAt(i, 'Y');
            }
        }
    }

    private void regions() {
        String s = w.toString();
        if (s.startsWith("gener") || s.startsWith("arsen")) {
            r1 = 5;
        } else if (s.startsWith("commun")) {
            r1 = 6;
        } else {
            r1 = regionAfter(0);
        }
        r2 = regionAfter(r1);
    }

    /** The position after the first non-vowel that follows a vowel, from {@code start}; the length if none. */
    private int regionAfter(int start) {
        for (int i = start + 1; i < w.length(); i++) {
            if (!vowelAt(i) && vowelAt(i - 1)) {
                return i + 1;
            }
        }
        return w.length();
    }

    private boolean endsWith(String suffix) {
        int at = w.length() - suffix.length();
        return at >= 0 && w.indexOf(suffix, at) == at;
    }

    private void replaceEnd(int length, String with) {
        w.setLength(w.length() - length);
        w.append(with);
    }

    private boolean hasVowelBefore(int end) {
        for (int i = 0; i < end; i++) {
            if (vowelAt(i)) {
                return true;
            }
        }
        return false;
    }

    private void step0() {
        for (String suffix : new String[] {"'s'", "'s", "'"}) {
            if (endsWith(suffix)) {
                replaceEnd(suffix.length(), "");
                return;
            }
        }
    }

    private void step1a() {
        if (endsWith("sses")) {
            replaceEnd(4, "ss");
        } else if (endsWith("ied") || endsWith("ies")) {
            replaceEnd(3, w.length() > 4 ? "i" : "ie");
        } else if (endsWith("us") || endsWith("ss")) {
            return;
        } else if (endsWith("s") && hasVowelBefore(w.length() - 2)) {
            replaceEnd(1, "");
        }
    }

    private void step1b() {
        for (String suffix : new String[] {"eedly", "eed"}) {
            if (endsWith(suffix)) {
                if (w.length() - suffix.length() >= r1) {
                    replaceEnd(suffix.length(), "ee");
                }
                return;
            }
        }
        for (String suffix : new String[] {"ingly", "edly", "ing", "ed"}) {
            if (endsWith(suffix)) {
                if (hasVowelBefore(w.length() - suffix.length())) {
                    replaceEnd(suffix.length(), "");
                    if (endsWith("at") || endsWith("bl") || endsWith("iz")) {
                        w.append('e');
                    } else if (endsWithDouble()) {
                        w.setLength(w.length() - 1);
                    } else if (isShort()) {
                        w.append('e');
                    }
                }
                return;
            }
        }
    }

    private boolean endsWithDouble() {
        if (w.length() < 2) {
            return false;
        }
        char last = w.charAt(w.length() - 1);
        return last == w.charAt(w.length() - 2) && "bdfgmnprt".indexOf(last) >= 0;
    }

    /** A short word: ends in a short syllable and R1 is empty. */
    private boolean isShort() {
        return r1 >= w.length() && endsInShortSyllable();
    }

    private boolean endsInShortSyllable() {
        int n = w.length();
        if (n == 2) {
            return vowelAt(0) && !vowelAt(1);
        }
        if (n < 3) {
            return false;
        }
        char last = w.charAt(n - 1);
        return !vowelAt(n - 3) && vowelAt(n - 2) && !vowel(last) && last != 'w' && last != 'x' && last != 'Y';
    }

    private void step1c() {
        int n = w.length();
        if (n > 2 && (w.charAt(n - 1) == 'y' || w.charAt(n - 1) == 'Y') && !vowelAt(n - 2)) {
            w.setCharAt(n - 1, 'i');
        }
    }

    private void step2() {
        String[] rule = longest(STEP_2);
        if (rule == null || w.length() - rule[0].length() < r1) {
            return;
        }
        int before = w.length() - rule[0].length();
        if (rule[0].equals("ogi") && (before < 1 || w.charAt(before - 1) != 'l')) {
            return;
        }
        if (rule[0].equals("li") && (before < 1 || "cdeghkmnrt".indexOf(w.charAt(before - 1)) < 0)) {
            return;
        }
        replaceEnd(rule[0].length(), rule[1]);
    }

    private void step3() {
        String[] rule = longest(STEP_3);
        if (rule == null || w.length() - rule[0].length() < r1) {
            return;
        }
        if (rule[0].equals("ative") && w.length() - rule[0].length() < r2) {
            return;
        }
        replaceEnd(rule[0].length(), rule[1]);
    }

    private void step4() {
        String suffix = null;
        for (String candidate : STEP_4) {
            if (endsWith(candidate) && (suffix == null || candidate.length() > suffix.length())) {
                suffix = candidate;
            }
        }
        if (suffix == null || w.length() - suffix.length() < r2) {
            return;
        }
        if (suffix.equals("ion")) {
            int before = w.length() - 3;
            if (before < 1 || (w.charAt(before - 1) != 's' && w.charAt(before - 1) != 't')) {
                return;
            }
        }
        replaceEnd(suffix.length(), "");
    }

    private void step5() {
        int n = w.length();
        if (endsWith("e")) {
            if (n - 1 >= r2 || (n - 1 >= r1 && !shortSyllableBefore(n - 1))) {
                w.setLength(n - 1);
            }
        } else if (endsWith("l") && n - 1 >= r2 && n >= 2 && w.charAt(n - 2) == 'l') {
            w.setLength(n - 1);
        }
    }

    /** Whether the letters before {@code end} end in a short syllable. */
    private boolean shortSyllableBefore(int end) {
        String whole = w.toString();
        w.setLength(end);
        boolean result = endsInShortSyllable();
        w.setLength(0);
        w.append(whole);
        return result;
    }

    private String[] longest(String[][] rules) {
        String[] found = null;
        for (String[] rule : rules) {
            if (endsWith(rule[0]) && (found == null || rule[0].length() > found[0].length())) {
                found = rule;
            }
        }
        return found;
    }
}
