package dev.parley.conversation.identity.adapter.web;

import dev.parley.events.net.TrustedProxies;
import java.net.InetSocketAddress;
import java.util.Optional;
import org.springframework.http.server.reactive.ServerHttpRequest;

/**
 * The address a request came from, for the per-address limits: the peer, or behind trusted
 * proxies the client they name in the configured header ({@link TrustedProxies}). With no header
 * configured (the default) no header is believed, since a client can write anything into one.
 */
public final class ClientAddress {

    private final String header;
    private final TrustedProxies proxies;

    /**
     * @param header  the header trusted proxies set, e.g. {@code X-Forwarded-For}; blank: none
     * @param proxies from {@link TrustedProxies#forHeader}, which refuses a header without proxies
     */
    public ClientAddress(String header, TrustedProxies proxies) {
        this.header = header == null ? "" : header.strip();
        this.proxies = proxies;
    }

    public String of(ServerHttpRequest request) {
        String peer = peer(request);
        if (header.isEmpty()) {
            return peer;
        }
        return proxies.clientOf(peer, Optional.ofNullable(request.getHeaders().get(header))
                .filter(values -> !values.isEmpty()).map(values -> String.join(",", values)));
    }

    private static String peer(ServerHttpRequest request) {
        InetSocketAddress remote = request.getRemoteAddress();
        if (remote == null) {
            return "unknown";
        }
        return remote.getAddress() != null ? remote.getAddress().getHostAddress() : remote.getHostString();
    }
}
