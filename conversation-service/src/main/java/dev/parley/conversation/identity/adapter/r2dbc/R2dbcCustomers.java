package dev.parley.conversation.identity.adapter.r2dbc;

import static dev.parley.conversation.identity.adapter.r2dbc.Binding.bindOptional;

import dev.parley.conversation.identity.application.Customers;
import dev.parley.conversation.identity.domain.CustomerProfile;
import dev.parley.conversation.identity.domain.KnownCustomer;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/** The customer table, as widget sessions use it. */
public final class R2dbcCustomers implements Customers {

    /** The stored attributes merged with the profile's: set keys replace, removed keys go. */
    private static final String MERGED = "(metadata || CAST(:set AS jsonb)) - CAST(:removed AS text[])";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final DatabaseClient db;
    private final Clock clock;

    public R2dbcCustomers(DatabaseClient db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    @Override
    public Mono<KnownCustomer> findInInbox(UUID customerId, UUID inboxId) {
        return db.sql("SELECT id, external_id FROM customer WHERE id = :id AND inbox_id = :inbox")
                .bind("id", customerId)
                .bind("inbox", inboxId)
                .map((row, meta) -> new KnownCustomer(row.get("id", UUID.class),
                        Optional.ofNullable(row.get("external_id", String.class))))
                .one();
    }

    @Override
    public Mono<UUID> createAnonymous(UUID inboxId, CustomerProfile profile) {
        UUID id = UUID.randomUUID();
        var insert = db.sql("""
                        INSERT INTO customer (id, inbox_id, name, email, metadata, created_at, last_seen_at)
                        VALUES (:id, :inbox, :name, :email, CAST(:set AS jsonb), :now, :now)""")
                .bind("id", id)
                .bind("inbox", inboxId)
                .bind("now", clock.instant());
        return withProfile(insert, profile, false).then().thenReturn(id);
    }

    @Override
    public Mono<UUID> identify(UUID inboxId, String externalId, CustomerProfile profile, Optional<UUID> anonymous) {
        return anonymous.map(id -> claim(id, inboxId, externalId, profile)).orElse(Mono.empty())
                .switchIfEmpty(Mono.defer(() -> upsert(inboxId, externalId, profile)));
    }

    /**
     * Makes the anonymous customer the user. Empty if it is no longer anonymous, or if another
     * customer already is the user: the unique (inbox_id, external_id) refuses the second.
     */
    private Mono<UUID> claim(UUID customerId, UUID inboxId, String externalId, CustomerProfile profile) {
        var update = db.sql("""
                        UPDATE customer
                        SET external_id = :external, last_seen_at = :now,
                            name = coalesce(:name, name), email = coalesce(:email, email), metadata = """ + MERGED + """
                        WHERE id = :id AND inbox_id = :inbox AND external_id IS NULL
                        RETURNING id""")
                .bind("external", externalId)
                .bind("now", clock.instant())
                .bind("id", customerId)
                .bind("inbox", inboxId);
        return withProfile(update, profile, true)
                .map((row, meta) -> row.get("id", UUID.class))
                .one()
                .onErrorResume(DataIntegrityViolationException.class, alreadyTaken -> Mono.empty());
    }

    /** One statement, so two devices identifying the same user at once end with one customer. */
    private Mono<UUID> upsert(UUID inboxId, String externalId, CustomerProfile profile) {
        var upsert = db.sql("""
                        INSERT INTO customer (id, inbox_id, external_id, name, email, metadata, created_at, last_seen_at)
                        VALUES (:id, :inbox, :external, :name, :email, CAST(:set AS jsonb), :now, :now)
                        ON CONFLICT (inbox_id, external_id) DO UPDATE
                        SET last_seen_at = excluded.last_seen_at,
                            name = coalesce(excluded.name, customer.name),
                            email = coalesce(excluded.email, customer.email),
                            metadata = (customer.metadata || excluded.metadata) - CAST(:removed AS text[])
                        RETURNING id""")
                .bind("id", UUID.randomUUID())
                .bind("inbox", inboxId)
                .bind("external", externalId)
                .bind("now", clock.instant());
        return withProfile(upsert, profile, true).map((row, meta) -> row.get("id", UUID.class)).one();
    }

    @Override
    public Mono<Void> touch(UUID customerId, CustomerProfile profile) {
        var update = db.sql("""
                        UPDATE customer
                        SET last_seen_at = :now, name = coalesce(:name, name), email = coalesce(:email, email),
                            metadata = """ + MERGED + """
                        WHERE id = :id""")
                .bind("now", clock.instant())
                .bind("id", customerId);
        return withProfile(update, profile, true).then();
    }

    /**
     * Binds name, email and the attributes. Every statement names {@code :set}; those that merge
     * into a stored row name {@code :removed} too, so it is bound only where the SQL has it.
     */
    private static GenericExecuteSpec withProfile(GenericExecuteSpec spec, CustomerProfile profile, boolean merges) {
        var bound = bindOptional(bindOptional(spec, "name", profile.name()), "email", profile.email())
                .bind("set", JSON.writeValueAsString(profile.attributes().set()));
        return merges ? bound.bind("removed", profile.attributes().removed().toArray(String[]::new)) : bound;
    }
}
