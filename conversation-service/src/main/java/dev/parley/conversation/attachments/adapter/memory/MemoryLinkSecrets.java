package dev.parley.conversation.attachments.adapter.memory;

import dev.parley.conversation.attachments.application.LinkSecrets;
import java.security.SecureRandom;
import reactor.core.publisher.Mono;

/**
 * A link secret drawn once per process: the in-memory store serves a single instance and forgets
 * its attachments at exit, so links need to outlive neither.
 */
public final class MemoryLinkSecrets implements LinkSecrets {

    /** 256 bits: the HMAC-SHA256 key size. */
    private static final int SECRET_BYTES = 32;

    private final byte[] secret = new byte[SECRET_BYTES];

    public MemoryLinkSecrets() {
        new SecureRandom().nextBytes(secret);
    }

    @Override
    public Mono<byte[]> secret() {
        return Mono.just(secret.clone());
    }
}
