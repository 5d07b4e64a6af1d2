package dev.parley.standalone.demo;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The demo data as found or created at start.
 *
 * @param inboxKey the demo inbox's public key, for the widget's {@code data-inbox}
 * @param agents   the demo agents; a password only for those created by this start
 */
public record DemoData(UUID inboxId, String inboxKey, UUID departmentId, List<DemoAgent> agents) {

    public DemoData {
        agents = List.copyOf(agents);
    }

    /** @param newPassword the generated password, when this start created the agent */
    public record DemoAgent(UUID id, String name, String email, boolean admin, Optional<String> newPassword) {
    }
}
