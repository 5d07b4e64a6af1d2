package dev.parley.conversation.attachments.application;

import dev.parley.conversation.attachments.domain.DownloadLinks;
import java.time.Duration;
import reactor.core.publisher.Mono;

/** The link signer, built once from the shared secret on first use. */
public final class SigningLinks {

    private final Mono<DownloadLinks> links;

    public SigningLinks(LinkSecrets secrets, Duration ttl) {
        this.links = secrets.secret().map(secret -> new DownloadLinks(secret, ttl)).cache();
    }

    public Mono<DownloadLinks> links() {
        return links;
    }
}
