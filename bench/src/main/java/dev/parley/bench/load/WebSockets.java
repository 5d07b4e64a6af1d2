package dev.parley.bench.load;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketVersion;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.function.Supplier;

/**
 * Plain Netty WebSocket clients on a shared event-loop group, each bound to a given source address
 * (all of 127.0.0.0/8 reaches the loopback interface on Linux), so the gateway's per-address connect
 * budget is met as it would be by clients on many machines. Netty answers the gateway's pings.
 */
final class WebSockets {

    private static final int MAX_FRAME = 1 << 20;

    private final EventLoopGroup loops;

    WebSockets(EventLoopGroup loops) {
        this.loops = loops;
    }

    /**
     * Connects to {@code ws://host:port/ws} from {@code source}; {@code handler} sees the handshake's
     * completion as a user event and then the text frames.
     */
    ChannelFuture connect(String host, int port, String source, Supplier<ChannelHandler> handler) {
        URI uri = URI.create("ws://" + host + ":" + port + "/ws");
        var config = WebSocketClientProtocolConfig.newBuilder()
                .webSocketUri(uri)
                .version(WebSocketVersion.V13)
                .customHeaders(new DefaultHttpHeaders())
                .maxFramePayloadLength(MAX_FRAME)
                .handshakeTimeoutMillis(30_000)
                // close frames reach the client's handler, which records their code
                .handleCloseFrames(false)
                .build();
        return new Bootstrap().group(loops).channel(NioSocketChannel.class)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 30_000)
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        channel.pipeline().addLast(new HttpClientCodec(), new HttpObjectAggregator(8192),
                                new WebSocketClientProtocolHandler(config), new WebSocketFrameAggregator(MAX_FRAME),
                                handler.get());
                    }
                })
                .connect(new InetSocketAddress(host, port), new InetSocketAddress(source, 0));
    }
}
