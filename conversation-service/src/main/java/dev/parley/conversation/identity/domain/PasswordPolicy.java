package dev.parley.conversation.identity.domain;

import dev.parley.conversation.shared.domain.Rejection;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** What an agent's password must be. */
public final class PasswordPolicy {

    public static final String TOO_SHORT = "password.too_short";
    public static final String TOO_LONG = "password.too_long";

    /** NIST SP 800-63B's floor for passwords people choose; length beats composition rules. */
    static final int MIN_CHARACTERS = 8;
    /** BCrypt reads only the first 72 bytes; a longer password would be silently truncated. */
    static final int MAX_UTF8_BYTES = 72;

    private PasswordPolicy() {
    }

    public static Optional<Rejection> check(String password) {
        if (password == null || password.codePointCount(0, password.length()) < MIN_CHARACTERS) {
            return Optional.of(Rejection.invalid(TOO_SHORT, "password",
                    "A password needs at least " + MIN_CHARACTERS + " characters."));
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_UTF8_BYTES) {
            return Optional.of(Rejection.invalid(TOO_LONG, "password",
                    "A password may be at most " + MAX_UTF8_BYTES + " bytes in UTF-8."));
        }
        return Optional.empty();
    }
}
