package dev.parley.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/**
 * docs/operations.md documents every parley.* setting exactly as the services declare it. After a
 * setting changes, regenerate the section (the command is in docs/operations.md) rather than
 * editing it by hand.
 */
class ConfigurationReferenceTest {

    private static final String OPERATIONS = "docs/operations.md";

    @Test
    void everySettingIsDocumentedAsDeclared() throws IOException {
        String docs = Repository.read(OPERATIONS);
        int begin = docs.indexOf(ConfigurationReference.BEGIN);
        int end = docs.indexOf(ConfigurationReference.END);
        assertThat(begin).as("the generated section's markers in " + OPERATIONS).isNotNegative();
        assertThat(end).isGreaterThan(begin);
        String current = docs.substring(begin, end + ConfigurationReference.END.length());
        String generated = ConfigurationReference.markdown();

        if (Boolean.getBoolean("parley.regenerate-docs")) {
            Files.writeString(Repository.file(OPERATIONS), docs.replace(current, generated));
        } else {
            assertThat(current).as("""
                    %s's configuration reference is out of date. Regenerate it:
                      ./mvnw -B -pl deploy-tests -am verify -DskipITs -Dtest=ConfigurationReferenceTest \
                    -Dsurefire.failIfNoSpecifiedTests=false -Dparley.regenerate-docs=true""".formatted(OPERATIONS))
                    .isEqualTo(generated);
        }
    }

    @Test
    void everySettingSaysWhatItIs() {
        assertThat(ConfigurationReference.settings()).hasSizeGreaterThan(50).allSatisfy((name, property) ->
                assertThat(property.path("description").asText()).as(name + " has no Javadoc line").isNotBlank());
    }
}
