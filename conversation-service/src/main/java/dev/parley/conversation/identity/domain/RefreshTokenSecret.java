package dev.parley.conversation.identity.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The opaque value an agent's client holds to get new access tokens. Only its SHA-256 is stored:
 * a leaked table cannot be replayed. A plain hash (not BCrypt) is enough because the value is
 * {@value #RANDOM_BYTES} random bytes, beyond any guessing, and lookups by hash must be fast.
 */
public record RefreshTokenSecret(String value) {

    /** 256 bits, the strength of the signing keys around it. */
    static final int RANDOM_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    public static RefreshTokenSecret generate() {
        byte[] bytes = new byte[RANDOM_BYTES];
        RANDOM.nextBytes(bytes);
        return new RefreshTokenSecret(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }

    public byte[] hash() {
        return hashOf(value);
    }

    public static byte[] hashOf(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JDK", e);
        }
    }

    @Override
    public String toString() {
        return "RefreshTokenSecret[***]";
    }
}
