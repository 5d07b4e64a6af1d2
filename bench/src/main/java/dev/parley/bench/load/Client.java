package dev.parley.bench.load;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import java.util.concurrent.CompletableFuture;

/**
 * One user of the floor with one socket at a time: it says {@code hello} once the upgrade is done,
 * reports itself ready at the {@code welcome}, and hands every later text frame to {@link #frame}.
 * It outlives its connections: after an unexpected close the floor reconnects it.
 */
abstract class Client {

    private static final byte[] WELCOME = FrameScan.quoted("welcome");

    /** The source address; a reset moves the floor to fresh ones (see {@link Floor#connectAll}). */
    volatile String source;
    private volatile Channel channel;
    private volatile CompletableFuture<Void> ready = new CompletableFuture<>();
    private volatile boolean closing;
    /** Between a connect and its welcome (or failure), so a second reconnect does not open another. */
    volatile boolean connecting;
    /** The close code of the last close frame the gateway sent, or -1. */
    volatile int lastCloseCode = -1;

    Client(String source) {
        this.source = source;
    }

    /** The first frame: hello with the token (and, for a resume, the seqs seen). */
    abstract String hello();

    /** A frame after the welcome, on the socket's event loop. */
    abstract void frame(ByteBuf frame, long nanoTime);

    /** The socket closed without {@link #close} being asked for. */
    abstract void closedUnexpectedly(int code);

    Channel channel() {
        return channel;
    }

    CompletableFuture<Void> ready() {
        return ready;
    }

    boolean isOpen() {
        Channel current = channel;
        return current != null && current.isActive() && ready.isDone() && !ready.isCompletedExceptionally();
    }

    /** A handler for a new connection of this client. */
    SimpleChannelInboundHandler<WebSocketFrame> handler() {
        closing = false;
        ready = new CompletableFuture<>();
        return new SimpleChannelInboundHandler<>() {
            private boolean welcomed;

            @Override
            public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
                if (event == WebSocketClientProtocolHandler.ClientHandshakeStateEvent.HANDSHAKE_COMPLETE) {
                    channel = ctx.channel();
                    ctx.writeAndFlush(new TextWebSocketFrame(hello()));
                } else if (event == WebSocketClientProtocolHandler.ClientHandshakeStateEvent.HANDSHAKE_TIMEOUT) {
                    ready.completeExceptionally(new IllegalStateException("handshake timed out"));
                }
                super.userEventTriggered(ctx, event);
            }

            @Override
            protected void channelRead0(ChannelHandlerContext ctx, WebSocketFrame frame) {
                long now = System.nanoTime();
                if (frame instanceof TextWebSocketFrame text) {
                    ByteBuf content = text.content();
                    if (!welcomed) {
                        if (FrameScan.typeIs(content, WELCOME)) {
                            welcomed = true;
                            ready.complete(null);
                        } else {
                            ready.completeExceptionally(new IllegalStateException(
                                    "no welcome: " + content.toString(java.nio.charset.StandardCharsets.UTF_8)));
                        }
                        return;
                    }
                    frame(content, now);
                } else if (frame instanceof CloseWebSocketFrame close) {
                    lastCloseCode = close.statusCode();
                    ctx.close();
                }
            }

            @Override
            public void channelInactive(ChannelHandlerContext ctx) throws Exception {
                ready.completeExceptionally(new IllegalStateException("closed before the welcome, code " + lastCloseCode));
                if (!closing) {
                    closedUnexpectedly(lastCloseCode);
                }
                super.channelInactive(ctx);
            }

            @Override
            public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
                ready.completeExceptionally(cause);
                ctx.close();
            }
        };
    }

    /** Closes the socket on purpose (no reconnect follows). */
    void close() {
        closing = true;
        Channel current = channel;
        if (current != null) {
            current.close();
        }
    }

    /** Writes a text frame; false if the socket is not open. */
    boolean send(String text) {
        Channel current = channel;
        if (current == null || !current.isActive()) {
            return false;
        }
        current.writeAndFlush(new TextWebSocketFrame(text), current.voidPromise());
        return true;
    }
}
