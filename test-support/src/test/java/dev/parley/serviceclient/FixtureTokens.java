package dev.parley.serviceclient;

public record FixtureTokens(String token) {
}
