package dev.parley.bench;

import java.util.List;
import java.util.Map;

/** The system under load: where customers and agents connect, and whose CPU is read. */
interface FloorSystem extends AutoCloseable {

    String mode();

    Api api();

    int customersPort();

    int agentsPort();

    Meters meters();

    /** Counters of the servers' own statistics (statements, rows, WAL, Redis commands); none where they cannot be read. */
    default Map<String, Long> counts() {
        return Map.of();
    }

    /**
     * What the system still has to work off after the load stopped: events recorded and not yet
     * published (outbox rows), and records published and not yet consumed (consumer lag); 0 when
     * idle. A step that starts before this is 0 starts behind the last one's backlog.
     */
    long backlog();

    /** The parts that are Parley's own processes (their CPU summed as "Parley"). */
    List<String> parleyParts();

    /** How it was run, for the report: processes, heaps, non-default settings. */
    String describe();

    @Override
    void close();
}
