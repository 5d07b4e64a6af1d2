package dev.parley.conversation.canned.domain;

import dev.parley.conversation.shared.domain.Outcome;
import dev.parley.conversation.shared.domain.Rejection;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fills a canned reply's {@code {variables}} ({@code {customer.name}}, {@code {agent.name}},
 * {@code {customer.<attribute>}} from the customer's metadata). A variable with no value is an
 * error that names it, so the agent fixes it instead of sending "Hi ," to a customer.
 */
public final class CannedTemplate {

    public static final String UNKNOWN_VARIABLE = "canned.unknown_variable";
    private static final Pattern VARIABLE = Pattern.compile("\\{([a-z]+(?:\\.[A-Za-z0-9_]+)+)}");

    private CannedTemplate() {
    }

    public static Outcome<String> render(String body, Map<String, String> values) {
        Set<String> unknown = new LinkedHashSet<>();
        Matcher matcher = VARIABLE.matcher(body);
        StringBuilder text = new StringBuilder();
        while (matcher.find()) {
            String value = values.get(matcher.group(1));
            if (value == null || value.isBlank()) {
                unknown.add(matcher.group(1));
                value = matcher.group(0);
            }
            matcher.appendReplacement(text, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(text);
        if (!unknown.isEmpty()) {
            return Outcome.rejected(new Rejection(UNKNOWN_VARIABLE,
                    "no value for " + String.join(", ", unknown) + " in this conversation", Map.of("variables", String.join(",", unknown))));
        }
        return Outcome.accepted(text.toString());
    }
}
