package dev.parley.conversation.directory.adapter.r2dbc;

import dev.parley.conversation.directory.application.DirectoryAdmin;
import dev.parley.conversation.directory.application.DirectoryStore;
import dev.parley.conversation.directory.domain.Agent;
import dev.parley.conversation.directory.domain.Inbox;
import java.time.Instant;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Directory administration in PostgreSQL; uniqueness is the database's to decide. */
public final class R2dbcDirectoryAdmin implements DirectoryAdmin {

    private final DatabaseClient db;
    private final DirectoryStore directory;

    public R2dbcDirectoryAdmin(DatabaseClient db, DirectoryStore directory) {
        this.db = db;
        this.directory = directory;
    }

    @Override
    public Mono<Boolean> createDepartment(Department department, Instant at) {
        return db.sql("INSERT INTO department (id, name, created_at) VALUES (:id, :name, :at) ON CONFLICT (name) DO NOTHING")
                .bind("id", department.id()).bind("name", department.name()).bind("at", at)
                .fetch().rowsUpdated().map(rows -> rows == 1);
    }

    @Override
    public Flux<Department> departments() {
        return db.sql("SELECT id, name FROM department ORDER BY name")
                .map(row -> new Department(row.get("id", UUID.class), row.get("name", String.class))).all();
    }

    @Override
    public Mono<Void> createInbox(NewInbox inbox, Instant at) {
        return db.sql("""
                        INSERT INTO inbox (id, name, public_key, allowed_origins, hmac_secret, bot_enabled, default_department_id, created_at)
                        VALUES (:id, :name, :key, :origins, :secret, :bot, :department, :at)""")
                .bind("id", inbox.id()).bind("name", inbox.name()).bind("key", inbox.publicKey())
                .bind("origins", inbox.allowedOrigins().toArray(String[]::new)).bind("secret", inbox.hmacSecret())
                .bind("bot", inbox.botEnabled()).bind("department", inbox.defaultDepartmentId()).bind("at", at)
                .then();
    }

    @Override
    public Flux<Inbox> inboxes() {
        return db.sql("SELECT id FROM inbox ORDER BY created_at").map(row -> row.get("id", UUID.class)).all()
                .concatMap(directory::inbox);
    }

    @Override
    public Mono<Boolean> createAgent(NewAgent agent, Instant at) {
        // One statement, so an agent never exists without its departments.
        return db.sql("""
                        WITH created AS (
                            INSERT INTO agent (id, name, email, role, max_concurrent, status, status_changed_at, created_at)
                            VALUES (:id, :name, :email, :role, :max, 'OFFLINE', :at, :at) RETURNING id)
                        INSERT INTO agent_department (agent_id, department_id)
                        SELECT created.id, department FROM created, unnest(:departments::uuid[]) AS department""")
                .bind("id", agent.id()).bind("name", agent.name()).bind("email", agent.email())
                .bind("role", agent.role()).bind("max", agent.maxConcurrent()).bind("at", at)
                .bind("departments", agent.departmentIds().toArray(UUID[]::new))
                .then()
                .thenReturn(true)
                .onErrorResume(DuplicateKeyException.class, e -> Mono.just(false));
    }

    @Override
    public Flux<Agent> agents() {
        return db.sql("SELECT id FROM agent ORDER BY name").map(row -> row.get("id", UUID.class)).all()
                .concatMap(directory::agent);
    }
}
