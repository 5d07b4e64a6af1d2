package dev.parley.conversation.shared.adapter.r2dbc;

import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;

/** Small helpers for DatabaseClient statements. */
public final class Sql {

    private Sql() {
    }

    /** Binds a value that may be null; R2DBC needs the type to bind a null. */
    public static <T> GenericExecuteSpec bindNullable(GenericExecuteSpec spec, String name, T value, Class<T> type) {
        return value == null ? spec.bindNull(name, type) : spec.bind(name, value);
    }
}
