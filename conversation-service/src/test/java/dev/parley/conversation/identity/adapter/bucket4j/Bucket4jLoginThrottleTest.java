package dev.parley.conversation.identity.adapter.bucket4j;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.conversation.identity.adapter.bucket4j.Bucket4jLoginThrottle.Budget;
import io.github.bucket4j.TimeMeter;
import java.time.Duration;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class Bucket4jLoginThrottleTest {

    private static final String BOB = "bob@parley.example";
    private static final String HOME = "192.0.2.10";
    private static final String OFFICE = "198.51.100.7";

    /** A clock the test moves by hand. */
    private static final class ManualTime implements TimeMeter {
        long nanos;

        @Override
        public long currentTimeNanos() {
            return nanos;
        }

        @Override
        public boolean isWallClockBased() {
            return false;
        }

        void advance(Duration duration) {
            nanos += duration.toNanos();
        }
    }

    private final ManualTime time = new ManualTime();
    // 5 attempts per email, refilled one per 3 minutes; 8 per client address.
    private final Bucket4jLoginThrottle throttle = new Bucket4jLoginThrottle(
            new Budget(5, Duration.ofMinutes(15)), new Budget(8, Duration.ofMinutes(16)), time);

    @Test
    void anEmailIsRefusedAfterItsBudgetOfFailuresWithTheWaitUntilTheNextAttempt() {
        IntStream.range(0, 5).forEach(i -> assertThat(throttle.admit(BOB, HOME)).isEmpty());

        Optional<Duration> wait = throttle.admit(BOB, HOME);

        assertThat(wait).hasValueSatisfying(duration ->
                assertThat(duration).isBetween(Duration.ofMinutes(3).minusSeconds(1), Duration.ofMinutes(3)));
    }

    @Test
    void theEmailBudgetHoldsAcrossAddressesAndRefillsWithTime() {
        IntStream.range(0, 5).forEach(i -> throttle.admit(BOB, "203.0.113." + i));
        assertThat(throttle.admit(BOB, OFFICE)).isPresent();

        time.advance(Duration.ofMinutes(3));

        assertThat(throttle.admit(BOB, OFFICE)).isEmpty();
        assertThat(throttle.admit(BOB, OFFICE)).isPresent();
    }

    @Test
    void oneAddressIsRefusedAfterItsBudgetWhateverTheEmails() {
        IntStream.range(0, 8).forEach(i -> assertThat(throttle.admit("user" + i + "@parley.example", HOME)).isEmpty());

        assertThat(throttle.admit("someone-new@parley.example", HOME)).isPresent();
        assertThat(throttle.admit("someone-new@parley.example", OFFICE)).isEmpty();
    }

    @Test
    void singleSignOnAttemptsShareTheAddressBudgetAndSpareEveryEmail() {
        IntStream.range(0, 8).forEach(i -> assertThat(throttle.admitClient(HOME)).isEmpty());

        assertThat(throttle.admitClient(HOME)).isPresent();
        assertThat(throttle.admit(BOB, HOME)).isPresent();
        assertThat(throttle.admit(BOB, OFFICE)).isEmpty();
        assertThat(throttle.admitClient(OFFICE)).isEmpty();
    }

    @Test
    void successfulSingleSignOnsGiveTheirAttemptBack() {
        IntStream.range(0, 20).forEach(i -> {
            assertThat(throttle.admitClient(HOME)).isEmpty();
            throttle.succeededClient(HOME);
        });
    }

    @Test
    void successfulLoginsGiveTheirAttemptBack() {
        IntStream.range(0, 20).forEach(i -> {
            assertThat(throttle.admit(BOB, HOME)).isEmpty();
            throttle.succeeded(BOB, HOME);
        });
    }

    @Test
    void emailsAreCountedCaseInsensitively() {
        IntStream.range(0, 5).forEach(i -> throttle.admit(i % 2 == 0 ? BOB : " BOB@Parley.Example ", HOME));

        assertThat(throttle.admit(BOB, OFFICE)).isPresent();
    }
}
