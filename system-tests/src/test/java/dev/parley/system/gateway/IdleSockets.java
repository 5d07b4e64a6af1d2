package dev.parley.system.gateway;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A client process for the heap benchmark and the soak: holds idle, authenticated WebSockets to one
 * gateway from one source address ({@code 127.0.0.x}), so many processes can hold more sockets than
 * one process may open files. Each socket upgrades and says hello as {@link RawWebSocket} does;
 * then one selector thread reads them all and answers every ping with a pong, as a browser does, so
 * the gateway's idle timeout never cuts them. Any other frame is counted and dropped; a close frame
 * or the end of the connection counts the socket closed. Driven from {@link HeldSockets}.
 *
 * <p>Commands on stdin, one a line: {@code open <n>} opens n more with the process's token and
 * answers {@code opened <total>}; {@code open-as <token>} opens one with that token, unanswered;
 * {@code status} answers {@code opened <total> open <n> closed <n> pings <n> frames <n>};
 * {@code quit} (or end of input) exits, which closes them. A socket that cannot open ends the
 * process with the reason on stderr.
 *
 * <p>Arguments: gateway port, source address, token ({@code -} for none).
 */
public final class IdleSockets {

    /** A handshake or hello unanswered this long fails the process rather than hanging it. */
    private static final int HANDSHAKE_TIMEOUT_MILLIS = 30_000;

    private final int port;
    private final InetAddress source;
    private final Selector selector;
    private final Queue<SocketChannel> handedOver = new ConcurrentLinkedQueue<>();
    private int opened; // by the command thread
    private final AtomicInteger open = new AtomicInteger();
    private final AtomicInteger closed = new AtomicInteger();
    private final AtomicLong pings = new AtomicLong();
    private final AtomicLong frames = new AtomicLong();

    private IdleSockets(int port, InetAddress source) throws IOException {
        this.port = port;
        this.source = source;
        this.selector = Selector.open();
    }

    public static void main(String[] args) throws IOException {
        IdleSockets sockets = new IdleSockets(Integer.parseInt(args[0]), InetAddress.getByName(args[1]));
        String token = args[2];
        Thread reader = new Thread(sockets::readAll, "idle-sockets-reader");
        reader.setDaemon(true);
        reader.start();
        var commands = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line = commands.readLine(); line != null && !line.equals("quit"); line = commands.readLine()) {
            if (line.startsWith("open-as ")) {
                sockets.open(line.substring(8).trim());
            } else if (line.startsWith("open ")) {
                int count = Integer.parseInt(line.substring(5).trim());
                for (int i = 0; i < count; i++) {
                    sockets.open(token);
                }
                answer("opened " + sockets.opened);
            } else if (line.equals("status")) {
                answer(String.format("opened %d open %d closed %d pings %d frames %d", sockets.opened, sockets.open.get(),
                        sockets.closed.get(), sockets.pings.get(), sockets.frames.get()));
            }
        }
        System.exit(0);
    }

    private static void answer(String line) {
        System.out.println(line);
        System.out.flush();
    }

    /** Upgrades and says hello, blocking; then hands the socket, non-blocking, to the reader. */
    private void open(String token) throws IOException {
        SocketChannel channel = SocketChannel.open();
        channel.bind(new InetSocketAddress(source, 0));
        Socket socket = channel.socket();
        socket.setSoTimeout(HANDSHAKE_TIMEOUT_MILLIS);
        RawWebSocket.upgrade(socket, port, Map.of());
        String welcome = RawWebSocket.hello(socket, token); // reads exactly the welcome's bytes: nothing is left buffered
        if (!welcome.contains("\"welcome\"")) {
            throw new IOException("no welcome: " + welcome);
        }
        channel.configureBlocking(false);
        opened++;
        open.incrementAndGet();
        handedOver.add(channel);
        selector.wakeup();
    }

    private void readAll() {
        try {
            while (true) {
                selector.select(1_000);
                for (SocketChannel channel = handedOver.poll(); channel != null; channel = handedOver.poll()) {
                    channel.register(selector, SelectionKey.OP_READ, ByteBuffer.allocate(256));
                }
                for (var keys = selector.selectedKeys().iterator(); keys.hasNext(); ) {
                    SelectionKey key = keys.next();
                    keys.remove();
                    read(key);
                }
            }
        } catch (IOException e) {
            e.printStackTrace();
            System.exit(1);
        }
    }

    private void read(SelectionKey key) {
        SocketChannel channel = (SocketChannel) key.channel();
        ByteBuffer buffer = (ByteBuffer) key.attachment();
        try {
            if (channel.read(buffer) < 0) {
                throw new IOException("the gateway ended the connection");
            }
            buffer.flip();
            while (nextFrame(channel, buffer)) {
                // each whole frame is consumed; a partial one waits for more bytes
            }
            buffer.compact();
            if (!buffer.hasRemaining()) {
                key.attach(ByteBuffer.allocate(buffer.capacity() * 2).put(buffer.flip()));
            }
        } catch (IOException e) {
            if (closed.incrementAndGet() <= 10) {
                System.err.println("socket closed: " + e.getMessage());
            }
            open.decrementAndGet();
            key.cancel();
            try {
                channel.close();
            } catch (IOException ignored) {
                // closing what is already gone
            }
        }
    }

    /** Consumes one whole frame of {@code buffer}, answering a ping; false when the frame is not all there yet. */
    private boolean nextFrame(SocketChannel channel, ByteBuffer buffer) throws IOException {
        int start = buffer.position();
        if (buffer.remaining() < 2) {
            return false;
        }
        int opcode = buffer.get(start) & 0x0f;
        long length = buffer.get(start + 1) & 0x7f;
        int header = 2;
        if (length == 126) {
            header = 4;
            length = buffer.remaining() < header ? Long.MAX_VALUE : buffer.getShort(start + 2) & 0xffff;
        } else if (length == 127) {
            header = 10;
            length = buffer.remaining() < header ? Long.MAX_VALUE : buffer.getLong(start + 2);
        }
        if (buffer.remaining() - header < length) {
            return false;
        }
        byte[] payload = new byte[Math.toIntExact(length)];
        buffer.position(start + header).get(payload);
        if (opcode == RawWebSocket.PING) {
            pings.incrementAndGet();
            ByteBuffer pong = ByteBuffer.wrap(RawWebSocket.maskedFrame(RawWebSocket.PONG, payload));
            channel.write(pong);
            if (pong.hasRemaining()) { // an idle socket's send buffer is empty: a few bytes always fit
                throw new IOException("the pong did not fit the send buffer");
            }
        } else if (opcode == RawWebSocket.CLOSE) {
            throw new IOException("closed by the gateway: " + new RawWebSocket.Frame(opcode, payload).closeCode());
        } else {
            frames.incrementAndGet();
        }
        return true;
    }
}
