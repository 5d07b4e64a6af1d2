package dev.parley.gateway.socket.adapter.ws;

import dev.parley.gateway.socket.application.Wire;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import java.util.concurrent.RejectedExecutionException;
import org.springframework.web.reactive.socket.CloseStatus;
import reactor.netty.http.websocket.WebsocketOutbound;

/** A {@link Wire} over Reactor Netty's upgraded connection: frames go straight to the channel. */
final class NettyWire implements Wire {

    private final Channel channel;
    private final WebsocketOutbound outbound;

    NettyWire(Channel channel, WebsocketOutbound outbound) {
        this.channel = channel;
        this.outbound = outbound;
    }

    @Override
    public String id() {
        return channel.id().asShortText();
    }

    @Override
    public void execute(Runnable task) {
        try {
            channel.eventLoop().execute(task);
        } catch (RejectedExecutionException stopped) {
            // the event loop is shutting down, and its connections with it: nothing left to write to;
            // the fan-out that called us must go on to the other sockets
        }
    }

    @Override
    public void write(byte[] utf8, Runnable written) {
        // the array is shared by every socket the frame goes to, and never changed: wrapped, not copied
        channel.write(new TextWebSocketFrame(Unpooled.wrappedBuffer(utf8))).addListener((ChannelFutureListener) future -> written.run());
    }

    @Override
    public void flush() {
        channel.flush();
    }

    @Override
    public void close(CloseStatus status) {
        // Reactor Netty's close: sent once, after the frames written before it, then the connection closes
        outbound.sendClose(status.getCode(), status.getReason()).subscribe();
    }

    @Override
    public void ping() {
        execute(() -> channel.writeAndFlush(new PingWebSocketFrame()));
    }

    @Override
    public void abort(CloseStatus status) {
        outbound.sendClose(status.getCode(), status.getReason()).subscribe();
        channel.close();
    }
}
