package dev.parley.conversation.attachments.domain;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Short-lived download links: {@code sig = HMAC-SHA256(secret, id + "." + exp)}, so a browser can
 * load an attachment with a plain URL ({@code <img src>}) and nobody can forge or extend one.
 * Verification compares in constant time.
 */
public final class DownloadLinks {

    private static final String HMAC = "HmacSHA256";

    private final byte[] secret;
    private final Duration ttl;

    public DownloadLinks(byte[] secret, Duration ttl) {
        if (secret.length < 32) {
            throw new IllegalArgumentException("a link secret needs at least 32 bytes");
        }
        this.secret = secret.clone();
        this.ttl = ttl;
    }

    /** A link's query: valid until {@code expiresAt} (epoch seconds in {@code exp}). */
    public record Link(UUID attachmentId, long exp, String sig) {

        public Instant expiresAt() {
            return Instant.ofEpochSecond(exp);
        }
    }

    public Link issue(UUID attachmentId, Instant now) {
        long exp = now.plus(ttl).getEpochSecond();
        return new Link(attachmentId, exp, signature(attachmentId, exp));
    }

    /** Whether the link was issued by us for this attachment and has not expired. */
    public boolean verify(UUID attachmentId, long exp, String sig, Instant now) {
        if (sig == null || now.getEpochSecond() >= exp) {
            return false;
        }
        return MessageDigest.isEqual(signature(attachmentId, exp).getBytes(StandardCharsets.US_ASCII),
                sig.getBytes(StandardCharsets.US_ASCII));
    }

    private String signature(UUID attachmentId, long exp) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(new SecretKeySpec(secret, HMAC));
            byte[] digest = mac.doFinal((attachmentId + "." + exp).getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
