package dev.parley.gateway.socket.adapter.ws;

import dev.parley.gateway.socket.application.ClientProtocol;
import dev.parley.gateway.socket.application.ClientSocket;
import dev.parley.gateway.socket.application.CloseCodes;
import dev.parley.gateway.socket.application.Edge;
import dev.parley.gateway.socket.application.GatewayMetrics;
import dev.parley.gateway.socket.application.Handshake;
import dev.parley.gateway.socket.application.Heartbeats;
import dev.parley.gateway.socket.application.OpenSockets;
import dev.parley.gateway.socket.application.Outgoing;

import dev.parley.gateway.routing.application.Routing;
import dev.parley.gateway.session.domain.SessionTable;
import dev.parley.gateway.session.domain.TokenBucket;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.springframework.web.reactive.socket.CloseStatus;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.netty.Connection;
import reactor.netty.http.server.HttpServerResponse;
import reactor.netty.http.websocket.WebsocketInbound;
import reactor.netty.http.websocket.WebsocketOutbound;

/**
 * The {@code /ws} socket once upgraded ({@link SocketRoute} upgrades it). Each socket must say
 * {@code hello} within the hello timeout; its frames are then handled one at a time, in order (so a
 * client's sends reach conversation-service in the order it sent them), while what it is sent goes
 * out through its {@link ClientSocket}'s queue independently.
 */
public final class GatewaySocketHandler {

    /** Settings of one socket. */
    public record Limits(Duration helloTimeout, int outboundQueue, double commandsPerSecond, double commandBurst,
                         int maxFrameSize) {
    }

    /** An inbound frame, read off its buffer at once (Netty releases the buffer after the callback). */
    private record Inbound(int size, String text) {
    }

    private static final Inbound IGNORED = new Inbound(0, null);

    private final ClientProtocol protocol;
    private final SessionTable<ClientSocket> table;
    private final GatewayMetrics metrics;
    private final Limits limits;
    private final Clock clock;
    private final Routing routing;
    private final OpenSockets open;
    private final Edge edge;
    private final ClientSocket.Listener listener;

    public GatewaySocketHandler(ClientProtocol protocol, SessionTable<ClientSocket> table, GatewayMetrics metrics,
                                Limits limits, Clock clock, Routing routing, OpenSockets open, Edge edge) {
        this.open = open;
        this.edge = edge;
        this.routing = routing;
        this.protocol = protocol;
        this.table = table;
        this.metrics = metrics;
        this.limits = limits;
        this.clock = clock;
        this.listener = new ClientSocket.Listener() {
            @Override
            public void written(Outgoing frame) {
                metrics.written(frame);
            }

            @Override
            public void overflowed() {
                metrics.rejected("slow_consumer");
            }
        };
    }

    /**
     * Serves one upgraded socket; completes when it is closed.
     *
     * @param aggregateLimit the largest message reassembled from fragments (Netty's ceiling)
     */
    public Mono<Void> handle(WebsocketInbound in, WebsocketOutbound out, Handshake handshake, int aggregateLimit) {
        Connection[] connection = new Connection[1];
        in.withConnection(each -> connection[0] = each);
        forgetHandshakeHeaders(in, out);
        ClientSocket socket = new ClientSocket(new NettyWire(connection[0].channel(), out), handshake,
                limits.outboundQueue(), new TokenBucket(limits.commandsPerSecond(), limits.commandBurst(), clock),
                listener);
        if (!open.admit(socket)) {
            // the node began draining during the upgrade: this client goes elsewhere at once
            return out.sendClose(CloseCodes.SERVICE_RESTART.getCode(), CloseCodes.SERVICE_RESTART.getReason());
        }
        metrics.opened();
        socket.helloTimer(Schedulers.parallel().schedule(() -> {
            if (!socket.authenticated()) {
                metrics.rejected("hello_timeout");
                edge.refuseHello(socket, CloseCodes.HELLO_TIMEOUT).subscribe();
            }
        }, limits.helloTimeout().toMillis(), TimeUnit.MILLISECONDS));
        return in.aggregateFrames(aggregateLimit).receiveFrames()
                .doOnNext(frame -> socket.heard(System.nanoTime()))
                .map(GatewaySocketHandler::read)
                .filter(frame -> frame != IGNORED)
                // one frame at a time, in order, like concatMap; but concatMap's inner keeps the
                // last frame's whole chain (the hello's: token, parsed JWT) for the socket's life
                .flatMap(frame -> {
                    if (frame.size() > limits.maxFrameSize()) {
                        metrics.rejected("too_big");
                        socket.close(CloseStatus.TOO_BIG_TO_PROCESS);
                        return Mono.empty();
                    }
                    return protocol.onFrame(socket, frame.text());
                }, 1, 1)
                .then()
                .doFinally(signal -> {
                    if (socket.authenticated() && table.remove(socket)) {
                        unregister(socket.principal().userId());
                    }
                    metrics.closed(socket.authenticated() ? socket.principal().role() : null);
                    socket.closed();
                    open.closed(socket);
                });
    }

    /**
     * Reactor Netty's upgraded connection still holds the upgrade request's and the 101 response's
     * headers, for the socket's life, though nothing reads them after the handshake (its copy of
     * the request was what the handshake used); what the socket needs is in its {@link Handshake}.
     * A browser's upgrade carries a kilobyte or more (cookies, user agent) (HeapPerSocketBenchmark).
     */
    private static void forgetHandshakeHeaders(WebsocketInbound in, WebsocketOutbound out) {
        in.headers().clear();
        if (out instanceof HttpServerResponse response) {
            response.responseHeaders().clear();
        }
    }

    /** Text and binary messages are both read as UTF-8 text; a pong (to {@link Heartbeats}' ping) is no frame of the protocol. */
    private static Inbound read(WebSocketFrame frame) {
        if (frame instanceof TextWebSocketFrame || frame instanceof BinaryWebSocketFrame) {
            return new Inbound(frame.content().readableBytes(), frame.content().toString(StandardCharsets.UTF_8));
        }
        return IGNORED;
    }

    /**
     * The user's last socket here closed. A new socket of theirs may have registered meanwhile; the
     * check after the unregister puts them back so they are not left unroutable.
     */
    private void unregister(UUID userId) {
        routing.unregister(userId)
                .then(Mono.defer(() -> table.of(userId).isEmpty() ? Mono.empty() : routing.register(userId)))
                .onErrorResume(error -> Mono.empty())
                .subscribe();
    }
}
