package dev.parley.conversation.directory.adapter.r2dbc;

import dev.parley.conversation.directory.application.DirectoryStore;
import dev.parley.conversation.directory.domain.Agent;
import dev.parley.conversation.directory.domain.AgentStatus;
import dev.parley.conversation.directory.domain.Inbox;
import dev.parley.conversation.identity.domain.Caller.AgentRole;
import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.util.Arrays;
import java.util.Set;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/** Inboxes, departments and agents in PostgreSQL. */
public final class R2dbcDirectoryStore implements DirectoryStore {

    private final DatabaseClient db;

    public R2dbcDirectoryStore(DatabaseClient db) {
        this.db = db;
    }

    @Override
    public Mono<Inbox> inbox(UUID inboxId) {
        return db.sql("SELECT * FROM inbox WHERE id = :id").bind("id", inboxId).map(row -> inbox(row)).one();
    }

    @Override
    public Mono<Inbox> inboxByKey(String publicKey) {
        return db.sql("SELECT * FROM inbox WHERE public_key = :key").bind("key", publicKey).map(row -> inbox(row)).one();
    }

    private static Inbox inbox(Readable row) {
        return new Inbox(row.get("id", UUID.class), row.get("name", String.class),
                row.get("public_key", String.class), Arrays.asList(row.get("allowed_origins", String[].class)),
                Boolean.TRUE.equals(row.get("bot_enabled", Boolean.class)),
                row.get("default_department_id", UUID.class), row.get("widget_title", String.class),
                row.get("widget_colour", String.class), row.get("greeting", String.class),
                Boolean.TRUE.equals(row.get("pre_chat_enabled", Boolean.class)));
    }

    @Override
    public Mono<Agent> agent(UUID agentId) {
        return db.sql("""
                        SELECT a.*, ARRAY(SELECT department_id FROM agent_department d WHERE d.agent_id = a.id) AS departments
                        FROM agent a WHERE a.id = :id""")
                .bind("id", agentId)
                .map(row -> new Agent(row.get("id", UUID.class), row.get("name", String.class),
                        row.get("email", String.class), AgentRole.valueOf(row.get("role", String.class)),
                        row.get("max_concurrent", Integer.class), AgentStatus.valueOf(row.get("status", String.class)),
                        row.get("status_changed_at", Instant.class), row.get("open_count", Integer.class),
                        Set.of(row.get("departments", UUID[].class)), row.get("deactivated_at", Instant.class) == null))
                .one();
    }

    @Override
    public Mono<Boolean> isInDepartment(UUID agentId, UUID departmentId) {
        return db.sql("SELECT EXISTS (SELECT 1 FROM agent_department WHERE agent_id = :agent AND department_id = :department)")
                .bind("agent", agentId).bind("department", departmentId)
                .map(row -> Boolean.TRUE.equals(row.get(0, Boolean.class))).one();
    }

    @Override
    public Mono<Boolean> departmentExists(UUID departmentId) {
        return db.sql("SELECT EXISTS (SELECT 1 FROM department WHERE id = :id)").bind("id", departmentId)
                .map(row -> Boolean.TRUE.equals(row.get(0, Boolean.class))).one();
    }

    @Override
    public Mono<AgentStatus> changeStatus(UUID agentId, AgentStatus status, Instant at) {
        return db.sql("""
                        UPDATE agent a SET status = :status,
                               status_changed_at = CASE WHEN a.status = :status THEN a.status_changed_at ELSE :at END
                        FROM (SELECT id, status FROM agent WHERE id = :id FOR UPDATE) before
                        -- a deactivated agent stays OFFLINE: any other status is refused as for an unknown agent
                        WHERE a.id = before.id AND (a.deactivated_at IS NULL OR :status = 'OFFLINE')
                        RETURNING before.status AS previous""")
                .bind("id", agentId).bind("status", status.name()).bind("at", at)
                .map(row -> AgentStatus.valueOf(row.get("previous", String.class))).one();
    }
}
