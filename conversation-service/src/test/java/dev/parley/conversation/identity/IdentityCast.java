package dev.parley.conversation.identity;

import dev.parley.conversation.fixtures.Cast;
import dev.parley.conversation.identity.domain.HostUserProof;
import java.util.List;
import java.util.UUID;

/**
 * The identity view of the shared {@link Cast}: the same inboxes, agents and ids, typed with what
 * the identity tests need (widget keys, origins, HMAC secrets, emails, passwords), plus
 * {@link #ALICE}, a logged-in user of Acme's website known by her host-site user id.
 */
public final class IdentityCast {

    public record Inbox(UUID id, String name, String publicKey, List<String> allowedOrigins, String hmacSecret) {

        /** What the host site's server computes for one of its users. */
        public String userHash(String userId) {
            return HostUserProof.expectedHash(hmacSecret, userId);
        }
    }

    public record Agent(UUID id, String name, String email, String role, String password) {
    }

    /** A user of a host site, known there by {@code userId}. */
    public record HostUser(String userId, String name, String email) {
    }

    public static final UUID SUPPORT = Cast.SUPPORT;
    public static final Inbox ACME = new Inbox(Cast.ACME, "Acme", Cast.ACME_KEY, List.of(Cast.ACME_ORIGIN), Cast.ACME_SECRET);
    public static final Inbox GLOBEX = new Inbox(Cast.GLOBEX, "Globex", Cast.GLOBEX_KEY, List.of(), Cast.GLOBEX_SECRET);
    public static final Agent ADA = new Agent(Cast.ADA, "Ada", "ada@parley.example", "ADMIN", Cast.ADA_PASSWORD);
    public static final Agent BOB = new Agent(Cast.BOB, "Bob", "bob@parley.example", "AGENT", Cast.BOB_PASSWORD);
    public static final Agent CAROL = new Agent(Cast.CAROL, "Carol", "carol@parley.example", "AGENT", Cast.CAROL_PASSWORD);
    public static final HostUser ALICE = new HostUser("alice-42", "Alice", "alice@acme.example");

    private IdentityCast() {
    }

}
