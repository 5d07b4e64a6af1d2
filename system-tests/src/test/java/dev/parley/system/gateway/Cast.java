package dev.parley.system.gateway;

import dev.parley.testsupport.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * The system tests' cast: inbox {@link #INBOX_KEY} (widget on any origin, no bot, so conversations
 * start QUEUED in {@link #SUPPORT}), agent Bob (in Support) and admin Ada, with their passwords.
 */
final class Cast {

    static final UUID SUPPORT = UUID.fromString("00000000-0000-0000-0000-00000000d001");
    static final UUID INBOX = UUID.fromString("00000000-0000-0000-0000-0000000ac3e0");
    static final String INBOX_KEY = "acme-widget-key";
    static final UUID BOB = UUID.fromString("00000000-0000-0000-0000-000000000b0b");
    static final String BOB_EMAIL = "bob@parley.example";
    static final String BOB_PASSWORD = "bob-battery-staple";

    private Cast() {
    }

    static void seed(TestDatabase database) {
        Timestamp now = Timestamp.from(Instant.now());
        try (Connection connection = database.openConnection()) {
            try (var statement = connection.prepareStatement(
                    "INSERT INTO department (id, name, created_at) VALUES (?, 'Support', ?) ON CONFLICT DO NOTHING")) {
                statement.setObject(1, SUPPORT);
                statement.setTimestamp(2, now);
                statement.executeUpdate();
            }
            try (var statement = connection.prepareStatement("""
                    INSERT INTO inbox (id, name, public_key, allowed_origins, hmac_secret, default_department_id, created_at)
                    VALUES (?, 'Acme', ?, ?, 'acme-hmac-secret', ?, ?) ON CONFLICT DO NOTHING""")) {
                statement.setObject(1, INBOX);
                statement.setString(2, INBOX_KEY);
                statement.setArray(3, connection.createArrayOf("text", new Object[0]));
                statement.setObject(4, SUPPORT);
                statement.setTimestamp(5, now);
                statement.executeUpdate();
            }
            try (var statement = connection.prepareStatement("""
                    INSERT INTO agent (id, name, email, role, max_concurrent, status_changed_at, created_at)
                    VALUES (?, 'Bob', ?, 'AGENT', 50, ?, ?) ON CONFLICT DO NOTHING""")) {
                statement.setObject(1, BOB);
                statement.setString(2, BOB_EMAIL);
                statement.setTimestamp(3, now);
                statement.setTimestamp(4, now);
                statement.executeUpdate();
            }
            try (var statement = connection.prepareStatement(
                    "INSERT INTO agent_department (agent_id, department_id) VALUES (?, ?) ON CONFLICT DO NOTHING")) {
                statement.setObject(1, BOB);
                statement.setObject(2, SUPPORT);
                statement.executeUpdate();
            }
            try (var statement = connection.prepareStatement("""
                    INSERT INTO agent_password (agent_id, password_hash, changed_at) VALUES (?, ?, ?)
                    ON CONFLICT (agent_id) DO UPDATE SET password_hash = excluded.password_hash""")) {
                statement.setObject(1, BOB);
                statement.setString(2, new BCryptPasswordEncoder(4).encode(BOB_PASSWORD));
                statement.setTimestamp(3, now);
                statement.executeUpdate();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not seed the cast", e);
        }
    }
}
