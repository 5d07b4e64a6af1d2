package dev.parley.conversation.identity.adapter.jwt;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals private signing keys at rest with AES-256-GCM under a configured secret, the key id bound
 * as associated data (a sealed key copied onto another row does not open). Without a secret, keys
 * are stored as they are.
 */
final class KeySealer {

    /** GCM's recommended nonce size; a fresh random one per seal. */
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    /**
     * The secret must be high-entropy, since it is hashed straight into the AES key (no slow key
     * derivation); 32 characters of a random generator's output are beyond guessing.
     */
    static final int MIN_SECRET_LENGTH = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Optional<SecretKeySpec> key;

    private KeySealer(Optional<SecretKeySpec> key) {
        this.key = key;
    }

    static KeySealer withSecret(String secret) {
        if (secret.isEmpty()) {
            return new KeySealer(Optional.empty());
        }
        if (secret.length() < MIN_SECRET_LENGTH) {
            throw new IllegalArgumentException("parley.identity.signing-keys.encryption-secret needs at least "
                    + MIN_SECRET_LENGTH + " characters");
        }
        return new KeySealer(Optional.of(new SecretKeySpec(sha256(secret), "AES")));
    }

    boolean encrypts() {
        return key.isPresent();
    }

    byte[] seal(String kid, byte[] plaintext) {
        if (key.isEmpty()) {
            return plaintext;
        }
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        byte[] sealed = cipher(Cipher.ENCRYPT_MODE, kid, nonce).doFinalUnchecked(plaintext);
        return ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array();
    }

    byte[] open(String kid, byte[] material, boolean encrypted) {
        if (!encrypted) {
            return material;
        }
        if (key.isEmpty()) {
            throw new IllegalStateException("Signing key " + kid
                    + " is encrypted; set parley.identity.signing-keys.encryption-secret to the secret it was sealed with");
        }
        ByteBuffer buffer = ByteBuffer.wrap(material);
        byte[] nonce = new byte[NONCE_BYTES];
        buffer.get(nonce);
        byte[] sealed = new byte[buffer.remaining()];
        buffer.get(sealed);
        return cipher(Cipher.DECRYPT_MODE, kid, nonce).doFinalUnchecked(sealed);
    }

    private GcmCipher cipher(int mode, String kid, byte[] nonce) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, key.orElseThrow(), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(kid.getBytes(StandardCharsets.UTF_8));
            return new GcmCipher(cipher, kid);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is required of every JDK", e);
        }
    }

    private record GcmCipher(Cipher cipher, String kid) {
        byte[] doFinalUnchecked(byte[] input) {
            try {
                return cipher.doFinal(input);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("Signing key " + kid
                        + " does not open with the configured encryption secret (wrong secret, or the row was altered)", e);
            }
        }
    }

    private static byte[] sha256(String secret) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is required of every JDK", e);
        }
    }
}
