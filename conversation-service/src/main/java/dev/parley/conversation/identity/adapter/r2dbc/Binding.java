package dev.parley.conversation.identity.adapter.r2dbc;

import java.util.Optional;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;

/** Binds optional values as SQL NULL when absent. */
final class Binding {

    private Binding() {
    }

    static GenericExecuteSpec bindOptional(GenericExecuteSpec spec, String name, Optional<String> value) {
        return value.isPresent() ? spec.bind(name, value.get()) : spec.bindNull(name, String.class);
    }
}
