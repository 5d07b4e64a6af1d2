package dev.parley.testsupport;

import java.util.function.Supplier;

/** A value computed on first use and then kept for the life of the JVM. */
final class Once<T> implements Supplier<T> {

    private final Supplier<T> computation;
    private T value; // guarded by this

    Once(Supplier<T> computation) {
        this.computation = computation;
    }

    @Override
    public synchronized T get() {
        if (value == null) {
            value = computation.get();
        }
        return value;
    }
}
