package dev.parley.system.faults;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * A WebSocket client that says hello and then stops reading, on a socket with a receive buffer of
 * a few KB: a frozen tab, or a phone on a stalled network. Written on a plain TCP socket (RFC 6455
 * framing by hand) because the JDK's client reads whatever arrives; this one lets the bytes pile
 * up in the gateway, which must close it (4429) rather than let it hold up anyone else.
 */
final class SlowReader implements AutoCloseable {

    private static final int RECEIVE_BUFFER = 4 * 1024;
    private static final int CLOSE = 0x8;
    private static final int TEXT = 0x1;

    private final Socket socket;
    private final DataInputStream in;
    private final OutputStream out;
    private final SecureRandom random = new SecureRandom();

    private SlowReader(Socket socket) throws IOException {
        this.socket = socket;
        this.in = new DataInputStream(socket.getInputStream());
        this.out = socket.getOutputStream();
    }

    /** Connects, upgrades, says hello with {@code token} and reads the welcome; reads nothing more until asked. */
    static SlowReader hello(int port, String token) throws IOException {
        Socket socket = new Socket();
        socket.setReceiveBufferSize(RECEIVE_BUFFER); // before connect, so the window is small from the start
        socket.connect(new InetSocketAddress("127.0.0.1", port), 10_000);
        socket.setSoTimeout(30_000);
        SlowReader reader = new SlowReader(socket);
        reader.upgrade(port);
        reader.sendText("{\"type\":\"hello\",\"ref\":\"hello\",\"token\":\"" + token + "\"}");
        String welcome = reader.nextText();
        if (!welcome.contains("\"welcome\"")) {
            throw new IllegalStateException("not welcomed: " + welcome);
        }
        return reader;
    }

    /** Text frames and, at the end, the close: what the gateway had written since the welcome. */
    record Backlog(List<String> frames, int closeCode) {
    }

    /** Reads on to the gateway's close frame; {@code closeCode} is -1 when the connection ended without one. */
    Backlog readToClose() throws IOException {
        List<String> frames = new ArrayList<>();
        try {
            while (true) {
                Frame frame = next();
                if (frame.opcode() == CLOSE) {
                    int code = frame.payload().length >= 2 ? ((frame.payload()[0] & 0xff) << 8) | (frame.payload()[1] & 0xff) : 1005;
                    return new Backlog(frames, code);
                }
                if (frame.opcode() == TEXT) {
                    frames.add(new String(frame.payload(), StandardCharsets.UTF_8));
                }
            }
        } catch (EOFException | java.net.SocketException e) {
            return new Backlog(frames, -1);
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    private void upgrade(int port) throws IOException {
        byte[] nonce = new byte[16];
        random.nextBytes(nonce);
        out.write(("GET /ws HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Key: " + Base64.getEncoder().encodeToString(nonce) + "\r\nSec-WebSocket-Version: 13\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.flush();
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            head.append((char) in.readUnsignedByte());
        }
        if (!head.toString().startsWith("HTTP/1.1 101")) {
            throw new IllegalStateException("the gateway did not upgrade: " + head);
        }
    }

    private String nextText() throws IOException {
        while (true) {
            Frame frame = next();
            if (frame.opcode() == TEXT) {
                return new String(frame.payload(), StandardCharsets.UTF_8);
            }
            if (frame.opcode() == CLOSE) {
                throw new IllegalStateException("closed before the welcome");
            }
        }
    }

    private record Frame(int opcode, byte[] payload) {
    }

    /** One frame from the gateway (unmasked, as a server's are; its frames are never fragmented). */
    private Frame next() throws IOException {
        int first = in.readUnsignedByte();
        int second = in.readUnsignedByte();
        long length = second & 0x7f;
        if (length == 126) {
            length = in.readUnsignedShort();
        } else if (length == 127) {
            length = in.readLong();
        }
        byte[] payload = new byte[Math.toIntExact(length)];
        in.readFully(payload);
        return new Frame(first & 0x0f, payload);
    }

    /** A client's frames are masked (RFC 6455 §5.3). */
    private void sendText(String text) throws IOException {
        byte[] payload = text.getBytes(StandardCharsets.UTF_8);
        byte[] mask = new byte[4];
        random.nextBytes(mask);
        var frame = new java.io.ByteArrayOutputStream();
        frame.write(0x80 | TEXT);
        if (payload.length < 126) {
            frame.write(0x80 | payload.length);
        } else {
            frame.write(0x80 | 126);
            frame.write(payload.length >>> 8);
            frame.write(payload.length & 0xff);
        }
        frame.writeBytes(mask);
        for (int i = 0; i < payload.length; i++) {
            frame.write(payload[i] ^ mask[i % 4]);
        }
        out.write(frame.toByteArray());
        out.flush();
    }
}
