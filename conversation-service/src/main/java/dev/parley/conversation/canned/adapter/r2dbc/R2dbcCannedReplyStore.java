package dev.parley.conversation.canned.adapter.r2dbc;

import dev.parley.conversation.canned.application.CannedReplyStore;
import dev.parley.conversation.canned.application.CannedReplyStore.Saved;
import dev.parley.conversation.canned.domain.CannedReply;
import io.r2dbc.spi.R2dbcException;
import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Canned replies in PostgreSQL; the partial unique indexes of V6 keep one shortcut per scope, and
 * their violation (like the department's foreign key) is read back as an outcome, not an error.
 */
public final class R2dbcCannedReplyStore implements CannedReplyStore {

    /** Replies an agent may use: personal, their departments', everyone's. */
    private static final String AVAILABLE = """
            (owner_id = :agent
             OR department_id IN (SELECT department_id FROM agent_department WHERE agent_id = :agent)
             OR (owner_id IS NULL AND department_id IS NULL))""";

    /** Who may change or delete a reply: its owner, or for a team reply (no owner) an admin. */
    private static final String MAY_CHANGE = "(owner_id = :editor OR (owner_id IS NULL AND :admin))";
    private static final String UNIQUE_VIOLATION = "23505";
    private static final String FOREIGN_KEY_VIOLATION = "23503";

    private final DatabaseClient db;

    public R2dbcCannedReplyStore(DatabaseClient db) {
        this.db = db;
    }

    @Override
    public Mono<Saved> create(CannedReply reply, Instant at) {
        var spec = db.sql("""
                        INSERT INTO canned_reply (id, shortcut, body, owner_id, department_id, created_at)
                        VALUES (:id, :shortcut, :body, :owner, :department, :at)""")
                .bind("id", reply.id()).bind("shortcut", reply.shortcut()).bind("body", reply.body()).bind("at", at);
        spec = reply.ownerId() == null ? spec.bindNull("owner", UUID.class) : spec.bind("owner", reply.ownerId());
        spec = bindDepartment(spec, reply.departmentId());
        return readFailures(spec.fetch().rowsUpdated().<Saved>map(rows -> new Saved.Done(reply)));
    }

    @Override
    public Mono<Saved> edit(UUID id, String shortcut, String body, UUID departmentId, UUID editorId, boolean admin) {
        var spec = db.sql("""
                        UPDATE canned_reply SET shortcut = :shortcut, body = :body,
                            department_id = CASE WHEN owner_id IS NULL THEN :department ELSE NULL END
                        WHERE id = :id AND """ + MAY_CHANGE + " RETURNING *")
                .bind("id", id).bind("shortcut", shortcut).bind("body", body).bind("editor", editorId).bind("admin", admin);
        return readFailures(bindDepartment(spec, departmentId).map(R2dbcCannedReplyStore::reply).one()
                .<Saved>map(Saved.Done::new).defaultIfEmpty(new Saved.NotYours()));
    }

    @Override
    public Flux<CannedReply> team() {
        return db.sql("SELECT * FROM canned_reply WHERE owner_id IS NULL ORDER BY shortcut, department_id NULLS FIRST")
                .map(R2dbcCannedReplyStore::reply).all();
    }

    private static DatabaseClient.GenericExecuteSpec bindDepartment(DatabaseClient.GenericExecuteSpec spec, UUID departmentId) {
        return departmentId == null ? spec.bindNull("department", UUID.class) : spec.bind("department", departmentId);
    }

    private static Mono<Saved> readFailures(Mono<Saved> write) {
        return write.onErrorResume(DataIntegrityViolationException.class, e -> switch (sqlState(e)) {
            case UNIQUE_VIOLATION -> Mono.just(new Saved.ShortcutTaken());
            case FOREIGN_KEY_VIOLATION -> Mono.just(new Saved.NoSuchDepartment());
            default -> Mono.error(e);
        });
    }

    private static String sqlState(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof R2dbcException r2dbc && r2dbc.getSqlState() != null) {
                return r2dbc.getSqlState();
            }
        }
        return "";
    }

    @Override
    public Flux<CannedReply> available(UUID agentId, String shortcutPrefix) {
        return db.sql("SELECT * FROM canned_reply WHERE " + AVAILABLE
                        + " AND shortcut LIKE :prefix || '%' ORDER BY shortcut, owner_id IS NULL, department_id IS NULL")
                .bind("agent", agentId).bind("prefix", shortcutPrefix.replace("%", "").replace("_", "\\_"))
                .map(R2dbcCannedReplyStore::reply).all();
    }

    @Override
    public Mono<CannedReply> resolve(UUID agentId, String shortcut) {
        return db.sql("SELECT * FROM canned_reply WHERE " + AVAILABLE + """
                         AND shortcut = :shortcut
                        ORDER BY CASE WHEN owner_id IS NOT NULL THEN 0 WHEN department_id IS NOT NULL THEN 1 ELSE 2 END
                        LIMIT 1""")
                .bind("agent", agentId).bind("shortcut", shortcut)
                .map(R2dbcCannedReplyStore::reply).one();
    }

    @Override
    public Mono<Boolean> delete(UUID id, UUID editorId, boolean admin) {
        return db.sql("DELETE FROM canned_reply WHERE id = :id AND " + MAY_CHANGE)
                .bind("id", id).bind("editor", editorId).bind("admin", admin)
                .fetch().rowsUpdated().map(rows -> rows == 1);
    }

    @Override
    public Mono<Map<String, String>> variables(UUID conversationId, UUID agentId) {
        Mono<Map<String, String>> fixed = db.sql("""
                        SELECT cu.name AS customer_name, cu.email AS customer_email, a.name AS agent_name
                        FROM conversation c JOIN customer cu ON cu.id = c.customer_id, agent a
                        WHERE c.id = :conversation AND a.id = :agent""")
                .bind("conversation", conversationId).bind("agent", agentId)
                .map(row -> {
                    Map<String, String> values = new HashMap<>();
                    putIfPresent(values, "customer.name", row.get("customer_name", String.class));
                    putIfPresent(values, "customer.email", row.get("customer_email", String.class));
                    putIfPresent(values, "agent.name", row.get("agent_name", String.class));
                    return values;
                }).one().defaultIfEmpty(new HashMap<>());
        Flux<Map.Entry<String, String>> attributes = db.sql("""
                        SELECT m.key, m.value FROM conversation c JOIN customer cu ON cu.id = c.customer_id,
                             jsonb_each_text(cu.metadata) m
                        WHERE c.id = :conversation""")
                .bind("conversation", conversationId)
                .map(row -> Map.entry("customer." + row.get("key", String.class), String.valueOf(row.get("value", String.class))))
                .all();
        return fixed.flatMap(values -> attributes.doOnNext(entry -> values.putIfAbsent(entry.getKey(), entry.getValue()))
                .then(Mono.just(values)));
    }

    private static void putIfPresent(Map<String, String> values, String key, String value) {
        if (value != null) {
            values.put(key, value);
        }
    }

    private static CannedReply reply(Readable row) {
        return new CannedReply(row.get("id", UUID.class), row.get("shortcut", String.class), row.get("body", String.class),
                row.get("owner_id", UUID.class), row.get("department_id", UUID.class));
    }
}
