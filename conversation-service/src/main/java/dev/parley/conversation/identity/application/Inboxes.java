package dev.parley.conversation.identity.application;

import dev.parley.conversation.identity.domain.WidgetInbox;
import reactor.core.publisher.Mono;

/** The inboxes, as the widget's authentication reads them. */
public interface Inboxes {

    /** The inbox whose widget uses this public key; empty if none does. */
    Mono<WidgetInbox> findByPublicKey(String publicKey);
}
