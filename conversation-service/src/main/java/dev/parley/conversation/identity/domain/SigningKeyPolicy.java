package dev.parley.conversation.identity.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * When this service makes a new signing key and when an old one may go. Tokens are signed with the
 * newest key; a key stays published (JWKS) until every token it can have signed has expired.
 *
 * @param rotateAfter age at which the newest key is replaced
 * @param retention   how long a key stays published after a newer one appeared: the longest token
 *                    lifetime plus the time instances may take to notice the newer key
 */
public record SigningKeyPolicy(Duration rotateAfter, Duration retention) {

    public SigningKeyPolicy {
        Objects.requireNonNull(rotateAfter, "rotateAfter");
        Objects.requireNonNull(retention, "retention");
    }

    /** A key by id and birth. */
    public record KeyAge(String kid, Instant createdAt) {
    }

    public boolean rotationDue(List<KeyAge> keys, Instant now) {
        return newest(keys).map(key -> !key.createdAt().plus(rotateAfter).isAfter(now)).orElse(true);
    }

    /** Keys no token still valid can have been signed with: a newer key has existed for longer than the retention. */
    public List<KeyAge> retired(List<KeyAge> keys, Instant now) {
        List<KeyAge> byAge = keys.stream().sorted(Comparator.comparing(KeyAge::createdAt)).toList();
        return IntStream.range(0, byAge.size() - 1)
                .filter(i -> !byAge.get(i + 1).createdAt().plus(retention).isAfter(now))
                .mapToObj(byAge::get)
                .toList();
    }

    public static Optional<KeyAge> newest(List<KeyAge> keys) {
        return keys.stream().max(Comparator.comparing(KeyAge::createdAt));
    }
}
