package dev.parley.system.assignment;

import dev.parley.testsupport.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

/**
 * The people of the assignment tests, seeded with SQL: departments, one bot-less inbox per
 * department (its conversations queue straight away), and agents with a capacity.
 */
final class Cast {

    private final TestDatabase database;

    Cast(TestDatabase database) {
        this.database = database;
    }

    /** A department routed by {@code strategy}, stored as an admin sets it. */
    UUID department(String name, String strategy) throws SQLException {
        UUID id = department(name);
        try (Connection c = database.openConnection(); var update = c.prepareStatement(
                "UPDATE department SET routing_strategy = ? WHERE id = ?")) {
            update.setString(1, strategy);
            update.setObject(2, id);
            update.executeUpdate();
        }
        return id;
    }

    UUID department(String name) throws SQLException {
        UUID id = UUID.randomUUID();
        try (Connection c = database.openConnection(); var insert = c.prepareStatement(
                "INSERT INTO department (id, name, created_at) VALUES (?, ?, now())")) {
            insert.setObject(1, id);
            insert.setString(2, name);
            insert.executeUpdate();
        }
        return id;
    }

    /** An inbox of the department without a bot; returns its public key, which widget sessions start from. */
    String inbox(UUID department) throws SQLException {
        String key = "pk_" + UUID.randomUUID().toString().replace("-", "");
        try (Connection c = database.openConnection(); var insert = c.prepareStatement("""
                INSERT INTO inbox (id, name, public_key, hmac_secret, bot_enabled, default_department_id, created_at)
                VALUES (?, 'Site', ?, 'secret', FALSE, ?, now())""")) {
            insert.setObject(1, UUID.randomUUID());
            insert.setString(2, key);
            insert.setObject(3, department);
            insert.executeUpdate();
        }
        return key;
    }

    /** An agent of the departments; {@code idleSince} orders agents with equal load. */
    UUID agent(String name, String status, int capacity, Instant idleSince, UUID... departments) throws SQLException {
        UUID id = UUID.randomUUID();
        try (Connection c = database.openConnection()) {
            try (var insert = c.prepareStatement("""
                    INSERT INTO agent (id, name, email, role, max_concurrent, status, status_changed_at, created_at)
                    VALUES (?, ?, ?, 'AGENT', ?, ?, ?, now())""")) {
                insert.setObject(1, id);
                insert.setString(2, name);
                insert.setString(3, name.toLowerCase() + "-" + id + "@parley.test");
                insert.setInt(4, capacity);
                insert.setString(5, status);
                insert.setTimestamp(6, Timestamp.from(idleSince));
                insert.executeUpdate();
            }
            for (UUID department : departments) {
                try (var member = c.prepareStatement("INSERT INTO agent_department (agent_id, department_id) VALUES (?, ?)")) {
                    member.setObject(1, id);
                    member.setObject(2, department);
                    member.executeUpdate();
                }
            }
        }
        return id;
    }
}
