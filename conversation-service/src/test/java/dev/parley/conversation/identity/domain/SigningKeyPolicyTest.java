package dev.parley.conversation.identity.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.conversation.identity.domain.SigningKeyPolicy.KeyAge;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SigningKeyPolicyTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private final SigningKeyPolicy policy = new SigningKeyPolicy(Duration.ofDays(30), Duration.ofDays(31));

    @Test
    void noKeyAtAllMeansAKeyIsDue() {
        assertThat(policy.rotationDue(List.of(), T0)).isTrue();
    }

    @Test
    void theNewestKeyIsReplacedOnceItReachesTheRotationAge() {
        var keys = List.of(new KeyAge("old", T0.minus(Duration.ofDays(90))), new KeyAge("newest", T0));

        assertThat(policy.rotationDue(keys, T0.plus(Duration.ofDays(30)).minusSeconds(1))).isFalse();
        assertThat(policy.rotationDue(keys, T0.plus(Duration.ofDays(30)))).isTrue();
    }

    @Test
    void aKeyIsRetiredOnlyOnceItsSuccessorIsOlderThanTheRetention() {
        var first = new KeyAge("first", T0);
        var second = new KeyAge("second", T0.plus(Duration.ofDays(30)));
        var third = new KeyAge("third", T0.plus(Duration.ofDays(60)));
        var keys = List.of(third, first, second);

        assertThat(policy.retired(keys, second.createdAt().plus(Duration.ofDays(31)).minusSeconds(1))).isEmpty();
        assertThat(policy.retired(keys, second.createdAt().plus(Duration.ofDays(31)))).containsExactly(first);
        assertThat(policy.retired(keys, third.createdAt().plus(Duration.ofDays(365)))).containsExactly(first, second);
    }

    @Test
    void theNewestKeyIsNeverRetiredHoweverOld() {
        var only = new KeyAge("only", T0);

        assertThat(policy.retired(List.of(only), T0.plus(Duration.ofDays(3650)))).isEmpty();
    }
}
