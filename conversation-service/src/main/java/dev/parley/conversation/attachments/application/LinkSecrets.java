package dev.parley.conversation.attachments.application;

import reactor.core.publisher.Mono;

/**
 * The secret download links are signed with. Every instance of the service must get the same one,
 * or a link issued by one would be refused by another.
 */
public interface LinkSecrets {

    /** At least 32 bytes; the same on every call and every instance. */
    Mono<byte[]> secret();
}
