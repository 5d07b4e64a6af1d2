package dev.parley.fixtureworker;

import dev.parley.fixturegateway.Router;

/** A class of one pretend service that uses another's: the module rule must catch it. */
public record RoutingPeek(Router router) {
}
