package dev.parley.gateway.socket.adapter.ws;

import dev.parley.gateway.socket.application.GatewayMetrics;
import dev.parley.gateway.socket.application.Handshake;
import dev.parley.gateway.socket.application.OpenSockets;

import dev.parley.gateway.limits.application.LimitingClients;
import io.netty.channel.EventLoop;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import org.springframework.boot.reactor.netty.NettyRouteProvider;
import reactor.core.publisher.Mono;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import reactor.netty.http.server.HttpServerRoutes;
import reactor.netty.http.server.WebsocketServerSpec;

/**
 * {@code /ws} as a Reactor Netty route, ahead of WebFlux, which serves every other path. Through
 * WebFlux each socket kept its whole request for life (exchange, headers, filter and observation
 * subscribers: several KB per idle socket, HeapPerSocketBenchmark); here it keeps a
 * {@link Handshake}.
 *
 * <p>Upgrades are turned away before a socket exists: {@code 503} once the node drains or holds
 * {@code maxSockets} (the balancer retries another node), {@code 429} when the client's address has used its connect
 * budget or its failed-hello budget. Refusing at the HTTP level costs no socket, no hello timer
 * and no outbound queue; a browser sees a failed connection and backs off.
 */
public final class SocketRoute implements NettyRouteProvider {

    /** A client turned away should wait about this long; buckets refill steadily, so it need not be exact. */
    static final String RETRY_AFTER_SECONDS = "5";

    private final String path;
    private final OpenSockets open;
    private final LimitingClients limits;
    private final ClientAddress addresses;
    private final GatewayMetrics metrics;
    private final GatewaySocketHandler handler;
    private final int maxFramePayload;
    private final WebsocketServerSpec spec;
    private final int maxSockets;

    /**
     * @param maxFramePayload Netty's limit of one frame (and of a message reassembled from
     *                        fragments), a ceiling above the handler's own: it bounds the memory a
     *                        frame may take before the handler sees it
     */
    public SocketRoute(String path, OpenSockets open, LimitingClients limits, ClientAddress addresses,
                       GatewayMetrics metrics, GatewaySocketHandler handler, int maxFramePayload, int maxSockets) {
        this.maxSockets = maxSockets;
        this.path = path;
        this.open = open;
        this.limits = limits;
        this.addresses = addresses;
        this.metrics = metrics;
        this.handler = handler;
        this.maxFramePayload = maxFramePayload;
        this.spec = WebsocketServerSpec.builder().maxFramePayloadLength(maxFramePayload).build();
    }

    @Override
    public HttpServerRoutes apply(HttpServerRoutes routes) {
        return routes.route(request -> path.equals(request.fullPath()), this::upgrade);
    }

    private Mono<Void> upgrade(HttpServerRequest request, HttpServerResponse response) {
        HttpHeaders headers = request.requestHeaders();
        if (!HttpMethod.GET.equals(request.method())) {
            return response.status(HttpResponseStatus.METHOD_NOT_ALLOWED).header(HttpHeaderNames.ALLOW, "GET").send();
        }
        if (!headers.containsValue(HttpHeaderNames.UPGRADE, HttpHeaderValues.WEBSOCKET, true)) {
            return response.status(HttpResponseStatus.BAD_REQUEST).send();
        }
        if (open.draining()) {
            metrics.rejected("draining");
            return refuse(response, HttpResponseStatus.SERVICE_UNAVAILABLE);
        }
        if (open.size() >= maxSockets) {
            metrics.rejected("node_full");
            return refuse(response, HttpResponseStatus.SERVICE_UNAVAILABLE);
        }
        var handshake = new Handshake(headers.get(HttpHeaderNames.ORIGIN), headers.get(HttpHeaderNames.HOST),
                addresses.of(headers, request.remoteAddress()));
        return onEventLoop(request, limits.admitConnect(handshake.clientAddress()))
                .flatMap(admitted -> {
                    if (!admitted) {
                        metrics.rejected("connect_rate_limited");
                        return refuse(response, HttpResponseStatus.TOO_MANY_REQUESTS);
                    }
                    return response.sendWebsocket((in, out) -> handler.handle(in, out, handshake, maxFramePayload), spec);
                });
    }

    /**
     * Moves the verdict back onto the connection's event loop. Answered on a Redis thread, the
     * upgrade would write the {@code 101} there while the event loop may already read the client's
     * first frame through the old HTTP pipeline, which drops it; a fast client's hello was lost so.
     */
    private static <T> Mono<T> onEventLoop(HttpServerRequest request, Mono<T> verdict) {
        EventLoop[] loop = new EventLoop[1];
        request.withConnection(connection -> loop[0] = connection.channel().eventLoop());
        return verdict.flatMap(value -> loop[0].inEventLoop()
                ? Mono.just(value)
                : Mono.create(sink -> loop[0].execute(() -> sink.success(value))));
    }

    private static Mono<Void> refuse(HttpServerResponse response, HttpResponseStatus status) {
        return response.status(status).header(HttpHeaderNames.RETRY_AFTER, RETRY_AFTER_SECONDS).send();
    }
}
