package dev.parley.conversation.identity.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.conversation.shared.domain.Outcome;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class CustomerAttributesTest {

    @Test
    void textNumbersAndBooleansAreSetAsTheyPrintAndNullRemoves() {
        Map<String, Object> given = new HashMap<>(Map.of("plan", "pro", "seats", 12, "ratio", new BigDecimal("0.50"), "trial", false));
        given.put("country", null);

        var attributes = ((Outcome.Accepted<CustomerAttributes>) CustomerAttributes.of(given)).value();

        assertThat(attributes.set()).isEqualTo(Map.of("plan", "pro", "seats", "12", "ratio", "0.50", "trial", "false"));
        assertThat(attributes.removed()).isEqualTo(Set.of("country"));
    }

    @Test
    void noAttributesAreNone() {
        assertThat(((Outcome.Accepted<CustomerAttributes>) CustomerAttributes.of(null)).value().isEmpty()).isTrue();
    }

    static Object[][] refused() {
        Map<String, Object> tooMany = new HashMap<>();
        for (int i = 0; i <= CustomerAttributes.MAX_PER_CALL; i++) {
            tooMany.put("k" + i, i);
        }
        return new Object[][] {
                {"a_name_with_a_space", Map.of("a b", 1), "attributes.a b"},
                {"a_dotted_name_a_canned_reply_could_not_name", Map.of("a.b", 1), "attributes.a.b"},
                {"an_empty_name", Map.of("", 1), "attributes."},
                {"a_name_of_65_characters", Map.of("x".repeat(65), 1), "attributes." + "x".repeat(65)},
                {"name_which_has_its_own_field", Map.of("name", "Grace"), "attributes.name"},
                {"a_nested_object", Map.of("address", Map.of("city", "Utrecht")), "attributes.address"},
                {"a_list", Map.of("tags", java.util.List.of("vip")), "attributes.tags"},
                {"a_value_over_1000_characters", Map.of("bio", "x".repeat(1001)), "attributes.bio"},
                {"more_than_50_at_once", tooMany, "attributes"},
        };
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refused")
    void isRefusedNamingTheField(String name, Map<String, Object> given, String field) {
        var rejected = (Outcome.Rejected<CustomerAttributes>) CustomerAttributes.of(given);

        assertThat(rejected.rejection().code()).isEqualTo("widget.request_invalid");
        assertThat(rejected.rejection().fields()).containsOnlyKeys(field);
    }
}
