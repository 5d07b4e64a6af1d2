package dev.parley.conversation.identity.adapter.memory;

import dev.parley.conversation.identity.application.Customers;
import dev.parley.conversation.identity.domain.CustomerProfile;
import dev.parley.conversation.identity.domain.KnownCustomer;
import dev.parley.conversation.shared.adapter.memory.MemoryDatabase;
import dev.parley.conversation.shared.adapter.memory.MemoryTransaction;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import reactor.core.publisher.Mono;

/** The customer table in memory; one customer per (inbox, external id). */
public final class MemoryCustomers implements Customers {

    /** A customer as stored; {@code metadata} is what canned replies read as {@code customer.<key>}. */
    public record CustomerRow(UUID id, UUID inboxId, String externalId, String name, String email,
                              Map<String, String> metadata, java.time.Instant createdAt, java.time.Instant lastSeenAt) {

        public CustomerRow {
            metadata = Map.copyOf(metadata);
        }

        CustomerRow seen(java.time.Instant at, CustomerProfile profile, String external) {
            return new CustomerRow(id, inboxId, external, profile.name().orElse(name), profile.email().orElse(email),
                    metadata, createdAt, at);
        }
    }

    public static final MemoryDatabase.Table<UUID, CustomerRow> CUSTOMERS = new MemoryDatabase.Table<>("customer");

    private final MemoryDatabase db;
    private final Clock clock;

    public MemoryCustomers(MemoryDatabase db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    @Override
    public Mono<KnownCustomer> findInInbox(UUID customerId, UUID inboxId) {
        return db.statement(tx -> db.table(CUSTOMERS).get(customerId).filter(c -> c.inboxId().equals(inboxId))
                .map(c -> new KnownCustomer(c.id(), Optional.ofNullable(c.externalId()))).orElse(null));
    }

    @Override
    public Mono<UUID> createAnonymous(UUID inboxId, CustomerProfile profile) {
        return db.statement(tx -> {
            UUID id = UUID.randomUUID();
            var now = clock.instant();
            db.table(CUSTOMERS).put(tx, id, new CustomerRow(id, inboxId, null, profile.name().orElse(null),
                    profile.email().orElse(null), Map.of(), now, now));
            return id;
        });
    }

    /** One statement, so two devices identifying the same user at once end with one customer. */
    @Override
    public Mono<UUID> identify(UUID inboxId, String externalId, CustomerProfile profile, Optional<UUID> anonymous) {
        return db.statement(tx -> {
            var table = db.table(CUSTOMERS);
            var now = clock.instant();
            Optional<CustomerRow> user = table.where(c -> c.inboxId().equals(inboxId) && externalId.equals(c.externalId()))
                    .stream().findFirst();
            if (user.isEmpty()) {
                Optional<CustomerRow> claimable = anonymous.flatMap(table::get)
                        .filter(c -> c.inboxId().equals(inboxId) && c.externalId() == null);
                if (claimable.isPresent()) {
                    return save(tx, claimable.get().seen(now, profile, externalId));
                }
                UUID id = UUID.randomUUID();
                return save(tx, new CustomerRow(id, inboxId, externalId, null, null, Map.of(), now, now)
                        .seen(now, profile, externalId));
            }
            return save(tx, user.get().seen(now, profile, externalId));
        });
    }

    @Override
    public Mono<Void> touch(UUID customerId, CustomerProfile profile) {
        return db.statement(tx -> {
            db.table(CUSTOMERS).update(tx, customerId, c -> c.seen(clock.instant(), profile, c.externalId()));
            return null;
        });
    }

    private UUID save(MemoryTransaction tx, CustomerRow row) {
        db.table(CUSTOMERS).put(tx, row.id(), row);
        return row.id();
    }
}
