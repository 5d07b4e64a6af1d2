package dev.parley.gateway.socket.adapter.ws;

import java.net.InetSocketAddress;
import io.netty.handler.codec.http.HttpHeaders;

/**
 * The address a socket's client connects from, the key of per-address limits. Behind a proxy every
 * connection comes from the proxy, so the address can be read from a header the proxy sets, but
 * only when configured: without a proxy that overwrites it, a client writes what it likes there.
 * For {@code X-Forwarded-For} the last entry is taken, the one the trusted proxy appended.
 */
public final class ClientAddress {

    private final String header;

    /** @param header the trusted proxy's header, or empty to use the connection's peer address */
    public ClientAddress(String header) {
        this.header = header;
    }

    public String of(HttpHeaders headers, InetSocketAddress remote) {
        if (!header.isBlank()) {
            String value = headers.get(header);
            if (value != null && !value.isBlank()) {
                String[] hops = value.split(",");
                return hops[hops.length - 1].trim();
            }
        }
        if (remote == null) {
            return "unknown";
        }
        return remote.getAddress() != null ? remote.getAddress().getHostAddress() : remote.getHostString();
    }
}
