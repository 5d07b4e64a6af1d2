package dev.parley.conversation.canned.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.conversation.shared.domain.Outcome;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CannedTemplateTest {

    private static final Map<String, String> VALUES = Map.of(
            "customer.name", "Alice", "agent.name", "Bob", "customer.plan", "Gold", "customer.email", "a@b.c");

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Hi {customer.name}, this is {agent.name}.       | Hi Alice, this is Bob.
            Your {customer.plan} plan covers it.             | Your Gold plan covers it.
            No variables at all.                             | No variables at all.
            Braces {like this} stay.                         | Braces {like this} stay.
            Price is $5 {customer.name}                      | Price is $5 Alice
            """)
    void variablesAreFilledFromTheConversation(String body, String expected) {
        assertThat(CannedTemplate.render(body, VALUES)).isEqualTo(Outcome.accepted(expected));
    }

    @Test
    void anUnknownVariableIsAnErrorThatNamesIt() {
        Outcome<String> outcome = CannedTemplate.render("Hi {customer.name}, your {customer.vip_level} and {order.id}", VALUES);

        assertThat(outcome).isInstanceOfSatisfying(Outcome.Rejected.class, rejected -> {
            assertThat(rejected.rejection().code()).isEqualTo(CannedTemplate.UNKNOWN_VARIABLE);
            assertThat(rejected.rejection().fields()).containsEntry("variables", "customer.vip_level,order.id");
        });
    }
}
