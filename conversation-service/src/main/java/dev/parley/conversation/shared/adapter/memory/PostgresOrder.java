package dev.parley.conversation.shared.adapter.memory;

import java.util.Comparator;
import java.util.UUID;

/** Orders as PostgreSQL does where Java differs, so ties break the same way in both stores. */
public final class PostgresOrder {

    /** PostgreSQL compares uuids byte by byte, unsigned; {@link UUID#compareTo} compares signed halves. */
    public static final Comparator<UUID> UUIDS = Comparator
            .comparing((UUID id) -> id.getMostSignificantBits(), Long::compareUnsigned)
            .thenComparing(UUID::getLeastSignificantBits, Long::compareUnsigned);

    private PostgresOrder() {
    }
}
