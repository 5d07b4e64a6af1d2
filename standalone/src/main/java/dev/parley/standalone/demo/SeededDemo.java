package dev.parley.standalone.demo;

import java.util.Optional;

/** The demo data once the start has found or created it; empty before, and when the demo is off. */
public final class SeededDemo {

    private volatile DemoData data;

    public Optional<DemoData> get() {
        return Optional.ofNullable(data);
    }

    public void set(DemoData data) {
        this.data = data;
    }
}
