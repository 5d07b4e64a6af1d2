package dev.parley.system.assignment;

import dev.parley.events.EventData;
import dev.parley.events.json.EventCodec;
import dev.parley.testsupport.TestDatabase;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What happened to conversations, in the order it happened, to check invariants over the whole
 * run rather than the end state.
 *
 * <p>{@link #install} adds a trigger that logs every change of a conversation's owner or status
 * with a number from a sequence. The conversation service changes an owner only while holding the
 * agent's row lock (it takes or frees the seat in the same transaction), so for any one agent the
 * numbers follow the order the changes committed in: replaying them by number gives each agent's
 * true load at every moment.
 */
final class History {

    private final TestDatabase database;

    History(TestDatabase database) {
        this.database = database;
    }

    record Change(long n, UUID conversation, UUID department, UUID owner, String status) {
    }

    void install() throws SQLException {
        try (var c = database.openConnection(); var ddl = c.createStatement()) {
            ddl.execute("""
                    CREATE TABLE ownership_history (
                        n               BIGSERIAL PRIMARY KEY,
                        conversation_id UUID NOT NULL,
                        department_id   UUID NOT NULL,
                        owner_id        UUID,
                        status          TEXT NOT NULL)""");
            ddl.execute("""
                    CREATE FUNCTION log_ownership() RETURNS trigger AS $$
                    BEGIN
                        IF NEW.owner_id IS DISTINCT FROM OLD.owner_id OR NEW.status IS DISTINCT FROM OLD.status THEN
                            INSERT INTO ownership_history (conversation_id, department_id, owner_id, status)
                            VALUES (NEW.id, NEW.department_id, NEW.owner_id, NEW.status);
                        END IF;
                        RETURN NEW;
                    END $$ LANGUAGE plpgsql""");
            ddl.execute("CREATE TRIGGER log_ownership AFTER UPDATE ON conversation FOR EACH ROW EXECUTE FUNCTION log_ownership()");
        }
    }

    List<Change> changes() throws SQLException {
        var changes = new ArrayList<Change>();
        try (var c = database.openConnection(); var query = c.prepareStatement(
                "SELECT n, conversation_id, department_id, owner_id, status FROM ownership_history ORDER BY n");
             var rows = query.executeQuery()) {
            while (rows.next()) {
                changes.add(new Change(rows.getLong(1), rows.getObject(2, UUID.class), rows.getObject(3, UUID.class),
                        rows.getObject(4, UUID.class), rows.getString(5)));
            }
        }
        return changes;
    }

    /** The highest number of open conversations each agent owned at any moment. */
    Map<UUID, Integer> peakLoad() throws SQLException {
        Map<UUID, UUID> ownerOf = new HashMap<>();
        Map<UUID, Integer> load = new HashMap<>();
        Map<UUID, Integer> peak = new HashMap<>();
        for (Change change : changes()) {
            UUID before = ownerOf.remove(change.conversation());
            if (before != null) {
                load.merge(before, -1, Integer::sum);
            }
            boolean open = !change.status().equals("RESOLVED") && !change.status().equals("CLOSED");
            if (change.owner() != null && open) {
                ownerOf.put(change.conversation(), change.owner());
                int now = load.merge(change.owner(), 1, Integer::sum);
                peak.merge(change.owner(), now, Math::max);
            }
        }
        return peak;
    }

    /** Per conversation, the agents named by its {@code conversation.assigned} events, in seq order. */
    Map<UUID, List<UUID>> assignedEvents() throws SQLException {
        var codec = new EventCodec();
        Map<UUID, List<UUID>> assigned = new HashMap<>();
        try (var c = database.openConnection(); var query = c.prepareStatement(
                "SELECT conversation_id, payload FROM conversation_event WHERE type = ? ORDER BY conversation_id, seq")) {
            query.setString(1, EventData.ConversationAssigned.TYPE);
            try (var rows = query.executeQuery()) {
                while (rows.next()) {
                    var data = (EventData.ConversationAssigned) codec.decode(rows.getBytes(2)).data();
                    assigned.computeIfAbsent(rows.getObject(1, UUID.class), id -> new ArrayList<>()).add(data.agentId());
                }
            }
        }
        return assigned;
    }

    /** A department's conversations in queue order (oldest first), as the service orders its queue. */
    List<UUID> queueOrder(UUID department) throws SQLException {
        var order = new ArrayList<UUID>();
        try (var c = database.openConnection(); var query = c.prepareStatement(
                "SELECT id FROM conversation WHERE department_id = ? ORDER BY queued_at, id")) {
            query.setObject(1, department);
            try (var rows = query.executeQuery()) {
                while (rows.next()) {
                    order.add(rows.getObject(1, UUID.class));
                }
            }
        }
        return order;
    }

    /** A department's conversations in the order they first got an owner. */
    List<UUID> assignmentOrder(UUID department) throws SQLException {
        var order = new ArrayList<UUID>();
        var seen = new java.util.HashSet<UUID>();
        for (Change change : changes()) {
            if (change.department().equals(department) && change.owner() != null && seen.add(change.conversation())) {
                order.add(change.conversation());
            }
        }
        return order;
    }
}
