package dev.parley.gateway.config;

/** The id of this gateway node in the routing registry and on its metrics. */
public record NodeId(String value) {
}
