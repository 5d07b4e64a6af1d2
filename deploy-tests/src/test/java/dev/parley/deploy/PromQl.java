package dev.parley.deploy;

import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The metric and label names a PromQL expression reads. Not a parser: it removes what cannot be a metric
 * name (strings, label matchers, range and subquery brackets, grouping clauses), then keeps every
 * identifier that is not a function call or a keyword. Names are returned as written, suffix and
 * all ({@code _bucket}, {@code _count}, {@code _sum}, {@code _total}), because those are the
 * series a scrape must contain: a timer without a histogram has {@code _count} but no
 * {@code _bucket}.
 */
final class PromQl {

    private static final Set<String> KEYWORDS = Set.of("and", "or", "unless", "bool", "offset", "by", "without",
            "on", "ignoring", "group_left", "group_right", "inf", "nan", "atan2");
    private static final Pattern IDENTIFIER = Pattern.compile("(?<![\\w.:$])([a-zA-Z_:][a-zA-Z0-9_:]*)");

    private static final Pattern GROUPING = Pattern.compile("\\b(?:by|without|on|ignoring|group_left|group_right)\\s*\\(([^)]*)\\)");
    private static final Pattern SELECTOR = Pattern.compile("\\{([^}]*)}");
    private static final Pattern MATCHER = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)\\s*(?:=~|!~|!=|=)");

    private PromQl() {
    }

    /** The label names an expression matches on or groups by. */
    static Set<String> labelNames(String expression) {
        String withoutStrings = withoutStrings(expression);
        Set<String> names = new TreeSet<>();
        GROUPING.matcher(withoutStrings).results().flatMap(group -> Stream.of(group.group(1).split(",")))
                .map(String::strip).filter(name -> !name.isEmpty()).forEach(names::add);
        SELECTOR.matcher(withoutStrings).results()
                .forEach(selector -> MATCHER.matcher(selector.group(1)).results().forEach(matcher -> names.add(matcher.group(1))));
        return names;
    }

    static Set<String> metricNames(String expression) {
        String stripped = withoutStrings(expression)
                .replaceAll("\\{[^}]*}", " ")
                .replaceAll("\\[[^]]*]", " ")
                .replaceAll("\\b(?:by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)", " ");
        Set<String> names = new TreeSet<>();
        Matcher identifier = IDENTIFIER.matcher(stripped);
        while (identifier.find()) {
            String name = identifier.group(1);
            String rest = stripped.substring(identifier.end()).stripLeading();
            if (!rest.startsWith("(") && !KEYWORDS.contains(name.toLowerCase())) {
                names.add(name);
            }
        }
        return names;
    }

    private static String withoutStrings(String expression) {
        return expression.replaceAll("\"(?:[^\"\\\\]|\\\\.)*\"", "\"\"").replaceAll("'(?:[^'\\\\]|\\\\.)*'", "''");
    }
}
