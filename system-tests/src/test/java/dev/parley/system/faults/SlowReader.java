package dev.parley.system.faults;

import dev.parley.system.gateway.RawWebSocket;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.Socket;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A WebSocket client that says hello and then stops reading, on a socket with a receive buffer of
 * a few KB: a frozen tab, or a phone on a stalled network. It speaks RFC 6455 on a plain TCP socket
 * ({@link RawWebSocket}) because the JDK's client reads whatever arrives; this one lets the bytes
 * pile up in the gateway, which must close it (4429) rather than let it hold up anyone else.
 */
final class SlowReader implements AutoCloseable {

    private static final int RECEIVE_BUFFER = 4 * 1024;

    private final Socket socket;
    private final DataInputStream in;

    private SlowReader(Socket socket) throws IOException {
        this.socket = socket;
        this.in = new DataInputStream(socket.getInputStream());
    }

    /** Connects, says hello with {@code token} and reads the welcome; reads nothing more until asked. */
    static SlowReader hello(int port, String token) throws IOException {
        Socket socket = new Socket();
        socket.setReceiveBufferSize(RECEIVE_BUFFER); // before connecting, so the window is small from the start
        RawWebSocket.upgrade(socket, port, Map.of());
        socket.setSoTimeout(30_000);
        String welcome = RawWebSocket.hello(socket, token);
        if (!welcome.contains("\"welcome\"")) {
            socket.close();
            throw new IllegalStateException("not welcomed: " + welcome);
        }
        return new SlowReader(socket);
    }

    /** Text frames and, at the end, the close: what the gateway had written since the welcome. */
    record Backlog(List<String> frames, int closeCode) {
    }

    /** Reads on to the gateway's close frame; {@code closeCode} is -1 when the connection ended without one. */
    Backlog readToClose() throws IOException {
        List<String> frames = new ArrayList<>();
        try {
            while (true) {
                RawWebSocket.Frame frame = RawWebSocket.readFrame(in);
                if (frame.isClose()) {
                    return new Backlog(frames, frame.closeCode());
                }
                if (frame.isText()) {
                    frames.add(frame.text());
                }
            }
        } catch (EOFException | SocketException ended) {
            return new Backlog(frames, -1);
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
