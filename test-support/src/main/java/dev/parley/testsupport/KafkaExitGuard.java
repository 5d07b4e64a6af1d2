package dev.parley.testsupport;

import org.apache.kafka.common.utils.Exit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A broker that hits a fatal fault (a log directory it cannot write, a metadata error) halts its
 * process through Kafka's {@link Exit}. In a test JVM that would kill Failsafe's fork and every other
 * test with it, reported as a crashed fork without a word of why. The guard logs instead; the broken
 * broker then fails the tests that use it, with the reason in the log.
 */
final class KafkaExitGuard {

    private static final Logger log = LoggerFactory.getLogger(KafkaExitGuard.class);
    private static boolean installed; // guarded by KafkaExitGuard.class

    private KafkaExitGuard() {
    }

    static synchronized void install() {
        if (installed) {
            return;
        }
        Exit.setHaltProcedure((status, message) -> log.error(
                "An in-JVM Kafka broker asked to halt the JVM (status {}): {}. Ignored so the test run can go on"
                        + " and report; that broker is probably broken.", status, message));
        Exit.setExitProcedure((status, message) -> log.error(
                "An in-JVM Kafka broker asked to exit the JVM (status {}): {}. Ignored so the test run can go on"
                        + " and report; that broker is probably broken.", status, message));
        installed = true;
    }
}
