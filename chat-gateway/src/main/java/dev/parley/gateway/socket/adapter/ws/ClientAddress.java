package dev.parley.gateway.socket.adapter.ws;

import dev.parley.events.net.TrustedProxies;
import io.netty.handler.codec.http.HttpHeaders;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Optional;

/**
 * The address a socket's client connects from, the key of per-address limits: the peer, or behind
 * trusted proxies the client they name in the configured header (issue 15, defect 3; the rule is
 * {@link TrustedProxies}, shared with conversation-service). With no header configured (the
 * default) no header is believed, and from a peer that is not a trusted proxy neither: a client
 * writes what it likes there.
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

    public String of(HttpHeaders headers, InetSocketAddress remote) {
        String peer = peer(remote);
        if (header.isEmpty()) {
            return peer;
        }
        List<String> values = headers.getAll(header);
        return proxies.clientOf(peer, values.isEmpty() ? Optional.empty() : Optional.of(String.join(",", values)));
    }

    private static String peer(InetSocketAddress remote) {
        if (remote == null) {
            return "unknown";
        }
        return remote.getAddress() != null ? remote.getAddress().getHostAddress() : remote.getHostString();
    }
}
