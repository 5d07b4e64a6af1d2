package dev.parley.fixtureworker;

import dev.parley.serviceclient.FixtureTokens;

public record TokenUser(FixtureTokens tokens) {
}
