package dev.parley.conversation.identity.domain;

import dev.parley.conversation.shared.domain.Outcome;
import dev.parley.conversation.shared.domain.Rejection;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The custom attributes a host site sets on its visitor ({@code plan: "pro"}), kept in the
 * customer's metadata and read by canned replies as {@code {customer.plan}}. What arrives is merged
 * into what is stored: a key with a value sets it, a key with {@code null} removes it, keys not
 * named are kept.
 *
 * @param set     the keys to set, with their text (numbers and booleans as they print)
 * @param removed the keys to remove
 */
public record CustomerAttributes(Map<String, String> set, Set<String> removed) {

    public static final String INVALID = "widget.request_invalid";
    /** Per call: a host page sends a handful; fifty is far beyond any sidebar a person reads. */
    public static final int MAX_PER_CALL = 50;
    public static final int MAX_VALUE = 1000;
    /** What a canned reply's {@code {customer.<key>}} can name, so every attribute can be used there. */
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_]{1,64}");
    /** Stored in their own columns; an attribute of the same name would never be read. */
    private static final Set<String> RESERVED = Set.of("name", "email");

    public CustomerAttributes {
        set = Map.copyOf(set);
        removed = Set.copyOf(removed);
    }

    public static CustomerAttributes none() {
        return new CustomerAttributes(Map.of(), Set.of());
    }

    public boolean isEmpty() {
        return set.isEmpty() && removed.isEmpty();
    }

    /**
     * The attributes as a JSON object decodes into Java: text, numbers and booleans are values,
     * {@code null} removes; anything else is refused naming the field ({@code attributes.<key>}).
     */
    public static Outcome<CustomerAttributes> of(Map<String, ?> given) {
        if (given == null || given.isEmpty()) {
            return Outcome.accepted(none());
        }
        if (given.size() > MAX_PER_CALL) {
            return invalid("attributes", "at most " + MAX_PER_CALL + " attributes may be set at once.");
        }
        Map<String, String> set = new LinkedHashMap<>();
        Set<String> removed = new LinkedHashSet<>();
        for (Map.Entry<String, ?> entry : given.entrySet()) {
            String key = entry.getKey();
            String field = "attributes." + key;
            if (key == null || !KEY.matcher(key).matches()) {
                return invalid(field, "an attribute's name has 1 to 64 letters, digits or underscores.");
            }
            if (RESERVED.contains(key)) {
                return invalid(field, key + " is set with its own field, not as an attribute.");
            }
            Object value = entry.getValue();
            if (value == null) {
                removed.add(key);
            } else if (value instanceof String || value instanceof Boolean || value instanceof Number) {
                String text = value instanceof BigDecimal decimal ? decimal.toPlainString() : value.toString();
                if (text.length() > MAX_VALUE) {
                    return invalid(field, "an attribute's value may have at most " + MAX_VALUE + " characters.");
                }
                set.put(key, text);
            } else {
                return invalid(field, "an attribute's value is text, a number, a boolean, or null to remove it.");
            }
        }
        return Outcome.accepted(new CustomerAttributes(set, removed));
    }

    private static Outcome<CustomerAttributes> invalid(String field, String message) {
        return Outcome.rejected(Rejection.invalid(INVALID, field, message));
    }
}
