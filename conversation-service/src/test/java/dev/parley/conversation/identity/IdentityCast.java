package dev.parley.conversation.identity;

import dev.parley.conversation.identity.domain.HostUserProof;
import dev.parley.testsupport.TestDatabase;
import java.sql.Array;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * The named cast of the identity tests (as Zulip's {@code example_user("hamlet")}): inboxes
 * {@link #ACME} (widget allowed on https://acme.example only) and {@link #GLOBEX} (any origin),
 * admin {@link #ADA}, agents {@link #BOB} and {@link #CAROL} (whom the brute-force tests lock out),
 * and {@link #ALICE}, a logged-in user of Acme's website.
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

    public static final UUID SUPPORT = UUID.fromString("00000000-0000-0000-0000-00000000d001");
    public static final Inbox ACME = new Inbox(UUID.fromString("00000000-0000-0000-0000-0000000ac3e0"), "Acme",
            "acme-widget-key", List.of("https://acme.example"), "acme-hmac-secret");
    public static final Inbox GLOBEX = new Inbox(UUID.fromString("00000000-0000-0000-0000-0000000910be"), "Globex",
            "globex-widget-key", List.of(), "globex-hmac-secret");
    public static final Agent ADA = new Agent(UUID.fromString("00000000-0000-0000-0000-000000000ada"), "Ada",
            "ada@parley.example", "ADMIN", "ada-correct-horse");
    public static final Agent BOB = new Agent(UUID.fromString("00000000-0000-0000-0000-000000000b0b"), "Bob",
            "bob@parley.example", "AGENT", "bob-battery-staple");
    public static final Agent CAROL = new Agent(UUID.fromString("00000000-0000-0000-0000-0000000ca201"), "Carol",
            "carol@parley.example", "AGENT", "carol-paper-clip");
    public static final HostUser ALICE = new HostUser("alice-42", "Alice", "alice@acme.example");

    /** Cheapest BCrypt cost: tests check behaviour, not hashing time. */
    private static final BCryptPasswordEncoder FAST_BCRYPT = new BCryptPasswordEncoder(4);

    private IdentityCast() {
    }

    /**
     * Puts the cast in the database, resetting the agents' passwords to the ones above, so a test
     * that changes a password does not leak into the next. Idempotent.
     */
    public static void seed(TestDatabase database) {
        try (Connection connection = database.openConnection()) {
            Instant now = Instant.now();
            try (var department = connection.prepareStatement(
                    "INSERT INTO department (id, name, created_at) VALUES (?, 'Support', ?) ON CONFLICT DO NOTHING")) {
                department.setObject(1, SUPPORT);
                department.setTimestamp(2, Timestamp.from(now));
                department.executeUpdate();
            }
            for (Inbox inbox : List.of(ACME, GLOBEX)) {
                insert(connection, inbox, now);
            }
            for (Agent agent : List.of(ADA, BOB, CAROL)) {
                insert(connection, agent, now);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not seed the identity cast", e);
        }
    }

    private static void insert(Connection connection, Inbox inbox, Instant now) throws SQLException {
        try (var statement = connection.prepareStatement("""
                INSERT INTO inbox (id, name, public_key, allowed_origins, hmac_secret, default_department_id, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")) {
            Array origins = connection.createArrayOf("text", inbox.allowedOrigins().toArray());
            statement.setObject(1, inbox.id());
            statement.setString(2, inbox.name());
            statement.setString(3, inbox.publicKey());
            statement.setArray(4, origins);
            statement.setString(5, inbox.hmacSecret());
            statement.setObject(6, SUPPORT);
            statement.setTimestamp(7, Timestamp.from(now));
            statement.executeUpdate();
        }
    }

    private static void insert(Connection connection, Agent agent, Instant now) throws SQLException {
        try (var statement = connection.prepareStatement("""
                INSERT INTO agent (id, name, email, role, status_changed_at, created_at)
                VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")) {
            statement.setObject(1, agent.id());
            statement.setString(2, agent.name());
            statement.setString(3, agent.email());
            statement.setString(4, agent.role());
            statement.setTimestamp(5, Timestamp.from(now));
            statement.setTimestamp(6, Timestamp.from(now));
            statement.executeUpdate();
        }
        try (var statement = connection.prepareStatement("""
                INSERT INTO agent_password (agent_id, password_hash, changed_at) VALUES (?, ?, ?)
                ON CONFLICT (agent_id) DO UPDATE SET password_hash = excluded.password_hash""")) {
            statement.setObject(1, agent.id());
            statement.setString(2, FAST_BCRYPT.encode(agent.password()));
            statement.setTimestamp(3, Timestamp.from(now));
            statement.executeUpdate();
        }
    }
}
