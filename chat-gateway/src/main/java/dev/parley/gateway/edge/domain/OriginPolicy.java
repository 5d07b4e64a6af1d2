package dev.parley.gateway.edge.domain;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Which page may open a socket, judged from the upgrade request's {@code Origin} (ARCHITECTURE §7).
 *
 * <p>Customers: the origins their inbox allows, as their token names them; compared as
 * conversation-service compares them for the widget's session (case-insensitive, a trailing slash
 * ignored, no wildcards). An empty list allows any origin and none; a non-empty list refuses a
 * socket without an {@code Origin}, since every browser sends one on a WebSocket upgrade.
 *
 * <p>Agents and admins: the configured console origins; with none configured, the console must be
 * same-site, served by the gateway itself (the Origin's host and port are the request's
 * {@code Host}). A socket without an Origin is not a browser page, so no other site's page can be
 * riding on the agent's session: it is allowed (the token in the hello is still required).
 */
public final class OriginPolicy {

    private final List<String> consoleOrigins;

    public OriginPolicy(List<String> consoleOrigins) {
        this.consoleOrigins = consoleOrigins.stream().map(OriginPolicy::normalize).toList();
    }

    /** Whether a customer's socket from {@code origin} is allowed by their inbox's {@code allowed} origins. */
    public boolean admitsCustomer(List<String> allowed, Optional<String> origin) {
        if (allowed.isEmpty()) {
            return true;
        }
        return origin.map(OriginPolicy::normalize).filter(candidate -> allowed.stream()
                .map(OriginPolicy::normalize).anyMatch(candidate::equals)).isPresent();
    }

    /** Whether an agent's socket from {@code origin} is allowed; {@code host} is the upgrade request's Host header. */
    public boolean admitsAgent(Optional<String> origin, String host) {
        if (origin.isEmpty()) {
            return true;
        }
        String normalized = normalize(origin.get());
        if (!consoleOrigins.isEmpty()) {
            return consoleOrigins.contains(normalized);
        }
        return host != null && hostOf(normalized).filter(host.toLowerCase(Locale.ROOT)::equals).isPresent();
    }

    /** {@code host[:port]} of an origin, as a Host header would spell it. */
    private static Optional<String> hostOf(String origin) {
        try {
            URI uri = new URI(origin);
            if (uri.getHost() == null) {
                return Optional.empty();
            }
            return Optional.of(uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort());
        } catch (java.net.URISyntaxException e) {
            return Optional.empty();
        }
    }

    private static String normalize(String origin) {
        String trimmed = origin.trim().toLowerCase(Locale.ROOT);
        return trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
    }
}
