package dev.parley.gateway.socket.adapter.ws;

import dev.parley.gateway.routing.application.Routing;
import dev.parley.gateway.session.domain.SessionTable;
import dev.parley.gateway.session.domain.TokenBucket;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import org.springframework.web.reactive.socket.CloseStatus;
import org.springframework.web.reactive.socket.WebSocketHandler;
import org.springframework.web.reactive.socket.WebSocketSession;
import reactor.core.publisher.Mono;

/**
 * The {@code /ws} endpoint. Each socket must say {@code hello} within the hello timeout; its frames
 * are then handled one at a time, in order (so a client's sends reach conversation-service in the
 * order it sent them), while its outbound queue is drained independently.
 */
public final class GatewaySocketHandler implements WebSocketHandler {

    /** Settings of one socket. */
    public record Limits(Duration helloTimeout, int outboundQueue, double commandsPerSecond, double commandBurst,
                         int maxFrameSize) {
    }

    /** An inbound frame, read off its buffer at once (Netty releases the buffer after the callback). */
    private record Inbound(int size, String text) {
    }

    private final ClientProtocol protocol;
    private final SessionTable<ClientSocket> table;
    private final GatewayMetrics metrics;
    private final Limits limits;
    private final Clock clock;
    private final Routing routing;
    private final OpenSockets open;
    private final Edge edge;

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
    }

    @Override
    public Mono<Void> handle(WebSocketSession session) {
        ClientSocket socket = new ClientSocket(session, limits.outboundQueue(),
                new TokenBucket(limits.commandsPerSecond(), limits.commandBurst(), clock),
                () -> metrics.rejected("slow_consumer"));
        if (!open.admit(socket)) {
            // the node began draining during the upgrade: this client goes elsewhere at once
            return session.close(CloseCodes.SERVICE_RESTART);
        }
        metrics.opened();
        var helloTimer = Mono.delay(limits.helloTimeout()).subscribe(tick -> {
            if (!socket.authenticated()) {
                metrics.rejected("hello_timeout");
                edge.refuseHello(socket, CloseCodes.HELLO_TIMEOUT).subscribe();
            }
        });
        Mono<Void> output = session.send(socket.outbound()
                .doOnNext(metrics::written)
                .map(frame -> session.textMessage(frame.text())))
                .then(Mono.defer(socket::drained));
        Mono<Void> input = session.receive()
                .map(message -> new Inbound(message.getPayload().readableByteCount(), message.getPayloadAsText()))
                .concatMap(frame -> {
                    if (frame.size() > limits.maxFrameSize()) {
                        metrics.rejected("too_big");
                        socket.close(CloseStatus.TOO_BIG_TO_PROCESS);
                        return Mono.empty();
                    }
                    return protocol.onFrame(socket, frame.text());
                }, 1)
                .then();
        return Mono.zip(input, output).then()
                .doFinally(signal -> {
                    helloTimer.dispose();
                    if (socket.authenticated() && table.remove(socket)) {
                        unregister(socket.principal().userId());
                    }
                    metrics.closed(socket.authenticated() ? socket.principal().role() : null);
                    socket.closed();
                    open.closed(socket);
                });
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
