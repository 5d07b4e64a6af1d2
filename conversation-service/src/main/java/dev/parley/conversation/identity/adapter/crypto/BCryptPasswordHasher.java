package dev.parley.conversation.identity.adapter.crypto;

import dev.parley.conversation.identity.application.PasswordHasher;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * BCrypt (spring-security-crypto). Each hash or check takes tens of milliseconds of CPU on
 * purpose, so it runs on the bounded elastic scheduler, never on an event-loop thread.
 */
public final class BCryptPasswordHasher implements PasswordHasher {

    private final BCryptPasswordEncoder encoder;
    private final Scheduler scheduler = Schedulers.boundedElastic();

    public BCryptPasswordHasher(int strength) {
        this.encoder = new BCryptPasswordEncoder(strength);
    }

    @Override
    public Mono<String> hash(String password) {
        return Mono.fromCallable(() -> encoder.encode(password)).subscribeOn(scheduler);
    }

    @Override
    public Mono<Boolean> matches(String password, String hash) {
        return Mono.fromCallable(() -> encoder.matches(password, hash)).subscribeOn(scheduler);
    }
}
