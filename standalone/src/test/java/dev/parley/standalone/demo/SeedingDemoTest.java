package dev.parley.standalone.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.conversation.identity.domain.PasswordPolicy;
import java.util.HashSet;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SeedingDemoTest {

    @Test
    void generatedPasswordsAreEasyToTypeAndPassThePolicy() {
        var passwords = new HashSet<String>();
        IntStream.range(0, 200).forEach(i -> passwords.add(SeedingDemo.password()));

        assertThat(passwords).hasSize(200).allSatisfy(password -> {
            assertThat(password).matches("[a-km-z2-9]{4}-[a-km-z2-9]{4}-[a-km-z2-9]{4}").doesNotContain("l", "o", "0", "1");
            assertThat(PasswordPolicy.check(password)).isEmpty();
        });
    }

    @Test
    void theDemoFaqAnswersTheQuestionsOfTheJourney() {
        assertThat(DemoCast.FAQ).hasSizeGreaterThanOrEqualTo(10)
                .anySatisfy(entry -> assertThat(entry.question()).isEqualTo("How long does shipping take?"));
    }
}
