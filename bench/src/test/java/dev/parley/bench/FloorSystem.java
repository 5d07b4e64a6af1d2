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

    /** The parts that are Parley's own processes (their CPU summed as "Parley"). */
    List<String> parleyParts();

    /** How it was run, for the report: processes, heaps, non-default settings. */
    String describe();

    @Override
    void close();
}
