package dev.parley.conversation.identity.application;

import reactor.core.publisher.Mono;

/**
 * Hashes passwords with a deliberately slow function. Implementations do the work off the event
 * loop, since each call is meant to take tens of milliseconds of CPU.
 */
public interface PasswordHasher {

    Mono<String> hash(String password);

    Mono<Boolean> matches(String password, String hash);
}
