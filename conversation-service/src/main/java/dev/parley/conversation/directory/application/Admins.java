package dev.parley.conversation.directory.application;

import dev.parley.conversation.identity.domain.Caller;
import dev.parley.conversation.shared.domain.Rejection;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;

/** Who may administer the directory (admins only), and the random values it hands out. */
final class Admins {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Admins() {
    }

    static Optional<Rejection> refusal(Caller caller) {
        return caller instanceof Caller.Agent agent && agent.isAdmin() ? Optional.empty()
                : Optional.of(Rejection.of(AdministeringDirectory.ADMIN_ONLY, "only admins manage the directory"));
    }

    /** {@code bytes} random bytes as hex. */
    static String random(int bytes) {
        byte[] value = new byte[bytes];
        RANDOM.nextBytes(value);
        return HexFormat.of().formatHex(value);
    }

    static byte[] randomBytes(int bytes) {
        byte[] value = new byte[bytes];
        RANDOM.nextBytes(value);
        return value;
    }
}
