package dev.parley.gateway.socket.adapter.ws;

import dev.parley.gateway.limits.application.LimitingClients;
import io.netty.channel.EventLoop;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import reactor.netty.Connection;

/**
 * Turns upgrades of {@code /ws} away before a socket exists: {@code 503} once the node drains
 * (the balancer retries another node), {@code 429} when the client's address has used its connect
 * budget or its failed-hello budget. Refusing at the HTTP level costs no socket, no hello timer
 * and no outbound queue; a browser sees a failed connection and backs off.
 */
public final class HandshakeGuard implements WebFilter {

    /** A client turned away should wait about this long; buckets refill steadily, so it need not be exact. */
    static final String RETRY_AFTER_SECONDS = "5";

    private final String path;
    private final OpenSockets open;
    private final LimitingClients limits;
    private final ClientAddress addresses;
    private final GatewayMetrics metrics;

    public HandshakeGuard(String path, OpenSockets open, LimitingClients limits, ClientAddress addresses,
                          GatewayMetrics metrics) {
        this.path = path;
        this.open = open;
        this.limits = limits;
        this.addresses = addresses;
        this.metrics = metrics;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        if (!path.equals(request.getPath().pathWithinApplication().value())) {
            return chain.filter(exchange);
        }
        if (open.draining()) {
            metrics.rejected("draining");
            return refuse(exchange, HttpStatus.SERVICE_UNAVAILABLE);
        }
        return onEventLoop(request, limits.admitConnect(addresses.of(request.getHeaders(), request.getRemoteAddress())))
                .flatMap(admitted -> {
                    if (admitted) {
                        return chain.filter(exchange);
                    }
                    metrics.rejected("connect_rate_limited");
                    return refuse(exchange, HttpStatus.TOO_MANY_REQUESTS);
                });
    }

    /**
     * Moves the verdict back onto the connection's event loop. Answered on a Redis thread, the
     * upgrade would write the {@code 101} there while the event loop may already read the client's
     * first frame through the old HTTP pipeline, which drops it; a fast client's hello was lost so.
     */
    private static <T> Mono<T> onEventLoop(ServerHttpRequest request, Mono<T> verdict) {
        if (!(ServerHttpRequestDecorator.getNativeRequest(request) instanceof Connection connection)) {
            return verdict;
        }
        EventLoop loop = connection.channel().eventLoop();
        return verdict.flatMap(value -> loop.inEventLoop()
                ? Mono.just(value)
                : Mono.create(sink -> loop.execute(() -> sink.success(value))));
    }

    private static Mono<Void> refuse(ServerWebExchange exchange, HttpStatus status) {
        exchange.getResponse().setStatusCode(status);
        exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
        return exchange.getResponse().setComplete();
    }
}
