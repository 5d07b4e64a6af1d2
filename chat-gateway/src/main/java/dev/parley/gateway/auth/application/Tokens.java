package dev.parley.gateway.auth.application;

import dev.parley.gateway.session.domain.Principal;
import java.time.Instant;
import java.util.List;
import reactor.core.publisher.Mono;

/** Checks the tokens sockets present, at the hello and at each {@code auth}. */
public interface Tokens {

    /** Why a token was refused. */
    final class Refused extends RuntimeException {
        private final boolean forbidden;

        public Refused(String message, Throwable cause, boolean forbidden) {
            super(message, cause);
            this.forbidden = forbidden;
        }

        /** The token is genuine but its holder may not open a socket (a service). */
        public boolean forbidden() {
            return forbidden;
        }
    }

    /** The keys could not be fetched: nothing is known about the token; the client should retry. */
    final class KeysUnavailable extends RuntimeException {
        public KeysUnavailable(Throwable cause) {
            super("the signing keys could not be fetched", cause);
        }
    }

    /**
     * A verified token: who it proves, when it expires, and for a customer the origins their inbox
     * allows ({@code null} when the token names none: such a customer socket is refused).
     */
    public record Verified(Principal principal, Instant expiresAt, List<String> origins) {
    }

    /**
     * Verifies the token and keeps what the socket needs beyond the principal; errors with
     * {@link Refused} or {@link KeysUnavailable}.
     */
    Mono<Verified> check(String token);

    default Mono<Principal> verify(String token) {
        return check(token).map(Verified::principal);
    }
}
