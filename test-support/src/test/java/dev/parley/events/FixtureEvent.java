package dev.parley.events;

/** Stands for a common-events type in the architecture rule tests. */
public record FixtureEvent(String type) {
}
