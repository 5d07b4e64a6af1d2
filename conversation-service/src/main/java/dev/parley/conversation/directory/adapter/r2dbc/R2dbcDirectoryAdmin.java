package dev.parley.conversation.directory.adapter.r2dbc;

import dev.parley.conversation.directory.application.DirectoryAdmin;
import dev.parley.conversation.directory.application.DirectoryStore;
import dev.parley.conversation.directory.domain.Agent;
import dev.parley.conversation.directory.domain.AgentSettings;
import dev.parley.conversation.directory.domain.Inbox;
import dev.parley.conversation.directory.domain.InboxSettings;
import dev.parley.conversation.directory.domain.RoutingStrategy;
import dev.parley.conversation.shared.adapter.r2dbc.Sql;
import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.util.UUID;
import org.springframework.dao.DataIntegrityViolationException;
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
        return Sql.bindNullable(db.sql("""
                        INSERT INTO department (id, name, routing_strategy, skills_fallback_seconds, created_at)
                        VALUES (:id, :name, :strategy, :fallback, :at) ON CONFLICT (name) DO NOTHING""")
                        .bind("id", department.id()).bind("name", department.name())
                        .bind("strategy", department.strategy().name()).bind("at", at),
                        "fallback", department.skillsFallbackSeconds(), Integer.class)
                .fetch().rowsUpdated().map(rows -> rows == 1);
    }

    @Override
    public Flux<Department> departments() {
        return db.sql("SELECT id, name, routing_strategy, skills_fallback_seconds FROM department ORDER BY name")
                .map(row -> department(row)).all();
    }

    @Override
    public Mono<Department> department(UUID departmentId) {
        return db.sql("SELECT id, name, routing_strategy, skills_fallback_seconds FROM department WHERE id = :id")
                .bind("id", departmentId).map(row -> department(row)).one();
    }

    @Override
    public Mono<Boolean> updateDepartment(Department department) {
        return Sql.bindNullable(db.sql("""
                        UPDATE department SET name = :name, routing_strategy = :strategy, skills_fallback_seconds = :fallback
                        WHERE id = :id""")
                        .bind("id", department.id()).bind("name", department.name())
                        .bind("strategy", department.strategy().name()),
                        "fallback", department.skillsFallbackSeconds(), Integer.class)
                .fetch().rowsUpdated()
                .flatMap(rows -> rows == 1 ? Mono.just(true) : Mono.<Boolean>empty())
                .onErrorResume(DuplicateKeyException.class, e -> Mono.just(false));
    }

    @Override
    public Mono<DepartmentUse> uses(UUID departmentId) {
        return db.sql("""
                        SELECT (SELECT count(*) FROM conversation WHERE department_id = :id) AS conversations,
                               (SELECT count(*) FROM agent_department WHERE department_id = :id) AS agents,
                               (SELECT count(*) FROM inbox WHERE default_department_id = :id) AS inboxes""")
                .bind("id", departmentId)
                .map(row -> new DepartmentUse(row.get("conversations", Long.class), row.get("agents", Long.class),
                        row.get("inboxes", Long.class)))
                .one();
    }

    @Override
    public Mono<Boolean> deleteDepartment(UUID departmentId) {
        // agent_department cascades, so the guard checks it here; conversations and inboxes are
        // also held by their foreign keys, should one arrive between the check and the delete.
        return db.sql("""
                        DELETE FROM department d WHERE d.id = :id
                        AND NOT EXISTS (SELECT 1 FROM agent_department WHERE department_id = d.id)""")
                .bind("id", departmentId)
                .fetch().rowsUpdated().map(rows -> rows == 1)
                .onErrorResume(DataIntegrityViolationException.class, e -> Mono.just(false));
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
    public Mono<Boolean> updateInbox(UUID inboxId, InboxSettings settings) {
        var spec = db.sql("""
                        UPDATE inbox SET name = :name, allowed_origins = :origins, widget_title = :title,
                               widget_colour = :colour, greeting = :greeting, pre_chat_enabled = :preChat,
                               bot_enabled = :bot, default_department_id = :department
                        WHERE id = :id""")
                .bind("id", inboxId).bind("name", settings.name())
                .bind("origins", settings.allowedOrigins().toArray(String[]::new))
                .bind("preChat", settings.preChatForm()).bind("bot", settings.botEnabled())
                .bind("department", settings.defaultDepartmentId());
        spec = Sql.bindNullable(spec, "title", settings.widgetTitle(), String.class);
        spec = Sql.bindNullable(spec, "colour", settings.widgetColour(), String.class);
        return Sql.bindNullable(spec, "greeting", settings.greeting(), String.class)
                .fetch().rowsUpdated().map(rows -> rows == 1);
    }

    @Override
    public Mono<Boolean> replaceSecret(UUID inboxId, String hmacSecret) {
        return db.sql("UPDATE inbox SET hmac_secret = :secret WHERE id = :id")
                .bind("id", inboxId).bind("secret", hmacSecret)
                .fetch().rowsUpdated().map(rows -> rows == 1);
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
        // each agent is read by the directory's own query; several at once, in name order: one after
        // another, 20 agents took seconds on a busy service, and every agent's hello reads them
        return db.sql("SELECT id FROM agent ORDER BY name").map(row -> row.get("id", UUID.class)).all()
                .flatMapSequential(directory::agent, 8);
    }

    @Override
    public Mono<Boolean> updateAgent(UUID agentId, AgentSettings settings) {
        // One statement: the row and its departments change together or not at all.
        return db.sql("""
                        WITH changed AS (
                            UPDATE agent SET name = :name, role = :role, max_concurrent = :max WHERE id = :id RETURNING id),
                        dropped AS (
                            DELETE FROM agent_department d USING changed
                            WHERE d.agent_id = changed.id AND NOT d.department_id = ANY (:departments::uuid[])),
                        added AS (
                            INSERT INTO agent_department (agent_id, department_id)
                            SELECT changed.id, department FROM changed, unnest(:departments::uuid[]) AS department
                            ON CONFLICT DO NOTHING)
                        SELECT count(*) AS updated FROM changed""")
                .bind("id", agentId).bind("name", settings.name()).bind("role", settings.chosenRole())
                .bind("max", settings.seats()).bind("departments", settings.departmentIds().toArray(UUID[]::new))
                .map(row -> row.get("updated", Long.class) == 1).one();
    }

    @Override
    public Mono<Agent> setActive(UUID agentId, boolean active, Instant at) {
        return directory.agent(agentId).flatMap(before -> db.sql("""
                        UPDATE agent SET deactivated_at = CASE WHEN :active THEN NULL ELSE coalesce(deactivated_at, :at) END,
                               status = CASE WHEN :active THEN status ELSE 'OFFLINE' END,
                               status_changed_at = CASE WHEN NOT :active AND status <> 'OFFLINE' THEN :at ELSE status_changed_at END
                        WHERE id = :id""")
                .bind("id", agentId).bind("active", active).bind("at", at)
                .then().thenReturn(before));
    }

    private static Department department(Readable row) {
        return new Department(row.get("id", UUID.class), row.get("name", String.class),
                RoutingStrategy.valueOf(row.get("routing_strategy", String.class)),
                row.get("skills_fallback_seconds", Integer.class));
    }
}
