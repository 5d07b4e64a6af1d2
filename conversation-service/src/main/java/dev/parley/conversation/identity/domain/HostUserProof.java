package dev.parley.conversation.identity.domain;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * How a host site proves that its logged-in user is who the widget says: it computes
 * {@code userHash = hex(HMAC-SHA256(inbox secret, userId))} on its server, where the secret never
 * leaves, and hands both to the widget. The secret and the user id are taken as UTF-8 bytes, which
 * is what the one-liners of every server language (Node, PHP, Ruby, Python) do.
 */
public final class HostUserProof {

    private static final String ALGORITHM = "HmacSHA256";

    private HostUserProof() {
    }

    /** The hash the host site is expected to send, lower-case hex. */
    public static String expectedHash(String secret, String userId) {
        return HexFormat.of().formatHex(hmac(secret, userId));
    }

    /**
     * Whether {@code userHash} (hex, either case) proves {@code userId}. Compared in constant time,
     * so response timing does not reveal how many leading bytes of a guess were right.
     */
    public static boolean proves(String secret, String userId, String userHash) {
        if (secret == null || secret.isEmpty() || userId == null || userHash == null) {
            return false;
        }
        byte[] given;
        try {
            given = HexFormat.of().parseHex(userHash);
        } catch (IllegalArgumentException notHex) {
            return false;
        }
        return MessageDigest.isEqual(hmac(secret, userId), given);
    }

    private static byte[] hmac(String secret, String userId) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM));
            return mac.doFinal(userId.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is required of every JDK", e);
        }
    }
}
