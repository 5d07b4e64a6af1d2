package dev.parley.gateway;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.reactivestreams.Publisher;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferFactory;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.web.reactive.socket.CloseStatus;
import org.springframework.web.reactive.socket.HandshakeInfo;
import org.springframework.web.reactive.socket.WebSocketMessage;
import org.springframework.web.reactive.socket.WebSocketSession;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** A socket without a network, which records how it was closed. */
public final class FakeSession implements WebSocketSession {

    private final String id = UUID.randomUUID().toString();
    private final Map<String, Object> attributes = new HashMap<>();
    public volatile CloseStatus closedWith;

    @Override
    public String getId() {
        return id;
    }

    @Override
    public HandshakeInfo getHandshakeInfo() {
        return new HandshakeInfo(URI.create("ws://localhost/ws"), new HttpHeaders(), Mono.empty(), null);
    }

    @Override
    public DataBufferFactory bufferFactory() {
        return DefaultDataBufferFactory.sharedInstance;
    }

    @Override
    public Map<String, Object> getAttributes() {
        return attributes;
    }

    @Override
    public Flux<WebSocketMessage> receive() {
        return Flux.never();
    }

    @Override
    public Mono<Void> send(Publisher<WebSocketMessage> messages) {
        return Mono.never();
    }

    @Override
    public boolean isOpen() {
        return closedWith == null;
    }

    @Override
    public Mono<Void> close(CloseStatus status) {
        closedWith = status;
        return Mono.empty();
    }

    @Override
    public Mono<CloseStatus> closeStatus() {
        return Mono.justOrEmpty(closedWith);
    }

    @Override
    public WebSocketMessage textMessage(String payload) {
        return new WebSocketMessage(WebSocketMessage.Type.TEXT, bufferFactory().wrap(payload.getBytes()));
    }

    @Override
    public WebSocketMessage binaryMessage(Function<DataBufferFactory, DataBuffer> payloadFactory) {
        throw new UnsupportedOperationException();
    }

    @Override
    public WebSocketMessage pingMessage(Function<DataBufferFactory, DataBuffer> payloadFactory) {
        throw new UnsupportedOperationException();
    }

    @Override
    public WebSocketMessage pongMessage(Function<DataBufferFactory, DataBuffer> payloadFactory) {
        throw new UnsupportedOperationException();
    }
}
