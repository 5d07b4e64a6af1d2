package dev.parley.bench;

import java.util.List;

/** The system under load: where customers and agents connect, and whose CPU is read. */
interface FloorSystem extends AutoCloseable {

    String mode();

    Api api();

    int customersPort();

    int agentsPort();

    Meters meters();

    /** The parts that are Parley's own processes (their CPU summed as "Parley"). */
    List<String> parleyParts();

    /** How it was run, for the report: processes, heaps, non-default settings. */
    String describe();

    @Override
    void close();
}
