package dev.parley.conversation.attachments.application;

import dev.parley.conversation.attachments.domain.DownloadLinks;
import java.time.Duration;
import reactor.core.publisher.Mono;

/**
 * The link signer, built once from the shared secret on first use. A failure to get the secret
 * (the database briefly away) is not remembered: the next request tries again.
 */
public final class SigningLinks {

    /** Reactor's "forever" for {@code cache}: it schedules no expiry for exactly this value. */
    private static final Duration FOREVER = Duration.ofMillis(Long.MAX_VALUE);

    private final Mono<DownloadLinks> links;

    public SigningLinks(LinkSecrets secrets, Duration ttl) {
        this.links = secrets.secret().map(secret -> new DownloadLinks(secret, ttl))
                .cache(value -> FOREVER, failure -> Duration.ZERO, () -> Duration.ZERO);
    }

    public Mono<DownloadLinks> links() {
        return links;
    }
}
