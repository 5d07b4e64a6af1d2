package dev.parley.conversation.identity.adapter.web;

import dev.parley.conversation.identity.domain.TrustedProxies;
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

    /** @param header the header trusted proxies set, e.g. {@code X-Forwarded-For}; blank: none */
    public ClientAddress(String header, TrustedProxies proxies) {
        this.header = header == null ? "" : header.strip();
        this.proxies = proxies;
        if (!this.header.isEmpty() && proxies.isEmpty()) {
            throw new IllegalStateException("parley.client-address.header is set without parley.client-address.trusted-proxies:"
                    + " name the proxies' addresses (CIDRs) whose header is believed");
        }
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
