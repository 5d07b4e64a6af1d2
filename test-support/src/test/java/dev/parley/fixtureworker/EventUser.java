package dev.parley.fixtureworker;

import dev.parley.events.FixtureEvent;

public record EventUser(FixtureEvent event) {
}
