package dev.parley.fixturegateway;

public record Router(String node) {
}
