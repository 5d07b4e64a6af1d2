package dev.parley.conversation.identity.adapter.web;

import java.net.InetSocketAddress;
import org.springframework.http.server.reactive.ServerHttpRequest;

/**
 * The address a request came from. Behind a proxy, set {@code server.forward-headers-strategy}
 * so this is the client's and not the proxy's; X-Forwarded-For is not read here because a client
 * can write anything into it when no trusted proxy overwrites it.
 */
final class ClientAddress {

    private ClientAddress() {
    }

    static String of(ServerHttpRequest request) {
        InetSocketAddress remote = request.getRemoteAddress();
        if (remote == null) {
            return "unknown";
        }
        return remote.getAddress() != null ? remote.getAddress().getHostAddress() : remote.getHostString();
    }
}
