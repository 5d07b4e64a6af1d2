package dev.parley.system.gateway;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A blocking client speaking just enough RFC 6455 to upgrade, say {@code hello} and read the first
 * frame back. Unlike {@link Client}, it sends the hello the instant the {@code 101} is read, as a
 * fast browser may, and costs the test JVM one socket and nothing else (the heap benchmark holds
 * thousands of them per process). The fault suite's slow reader uses it too, on a socket whose
 * receive buffer it shrank before connecting.
 */
public final class RawWebSocket {

    private RawWebSocket() {
    }

    /** Upgrades {@code /ws}, from {@code source} if not null, with {@code headers} added to the request. */
    static Socket upgrade(int port, InetAddress source, Map<String, String> headers) throws IOException {
        Socket socket = new Socket();
        if (source != null) {
            socket.bind(new InetSocketAddress(source, 0));
        }
        return upgrade(socket, port, headers);
    }

    /** Connects {@code socket}, set up as the caller wants it, and upgrades {@code /ws}. */
    public static Socket upgrade(Socket socket, int port, Map<String, String> headers) throws IOException {
        socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        byte[] key = new byte[16];
        ThreadLocalRandom.current().nextBytes(key);
        StringBuilder request = new StringBuilder("GET /ws HTTP/1.1\r\nHost: 127.0.0.1:").append(port)
                .append("\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: ")
                .append(Base64.getEncoder().encodeToString(key)).append("\r\nSec-WebSocket-Version: 13\r\n");
        headers.forEach((name, value) -> request.append(name).append(": ").append(value).append("\r\n"));
        socket.getOutputStream().write(request.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII));
        String status = readHeaders(socket.getInputStream());
        if (!status.startsWith("HTTP/1.1 101")) {
            socket.close();
            throw new IOException("no upgrade: " + status.lines().findFirst().orElse(status));
        }
        return socket;
    }

    /** Sends {@code hello} with {@code token} at once and returns the first frame the gateway answers with. */
    public static String hello(Socket socket, String token) throws IOException {
        writeText(socket.getOutputStream(), "{\"type\":\"hello\",\"token\":\"" + token + "\"}");
        return readText(new DataInputStream(socket.getInputStream()));
    }

    /** What a socket that reads but never answers saw until the gateway closed it. */
    record Ending(int pings, int closeCode) {
    }

    /**
     * Reads (and never answers) what the gateway sends until it closes the connection: the pings
     * seen, and the close frame's code, or -1 when the connection ended without one.
     */
    static Ending readUntilClosed(Socket socket) throws IOException {
        var in = new DataInputStream(socket.getInputStream());
        int pings = 0;
        while (true) {
            Frame frame;
            try {
                frame = readFrame(in);
            } catch (EOFException | SocketException ended) {
                return new Ending(pings, -1);
            }
            if (frame.opcode() == PING) {
                pings++;
            } else if (frame.opcode() == CLOSE) {
                return new Ending(pings, frame.closeCode());
            }
        }
    }

    static final int TEXT = 0x1;
    static final int CLOSE = 0x8;
    static final int PING = 0x9;
    static final int PONG = 0xA;

    /** One frame from the gateway: a server's frames are unmasked, and the gateway's never fragmented. */
    public record Frame(int opcode, byte[] payload) {

        public boolean isText() {
            return opcode == TEXT;
        }

        public boolean isClose() {
            return opcode == CLOSE;
        }

        /** A close frame's status code, or -1 when it has none. */
        public int closeCode() {
            return payload.length >= 2 ? (payload[0] & 0xff) << 8 | (payload[1] & 0xff) : -1;
        }

        public String text() {
            return new String(payload, StandardCharsets.UTF_8);
        }
    }

    public static Frame readFrame(DataInputStream in) throws IOException {
        int opcode = in.readUnsignedByte() & 0x0f;
        long length = in.readUnsignedByte() & 0x7f;
        if (length == 126) {
            length = in.readUnsignedShort();
        } else if (length == 127) {
            length = in.readLong();
        }
        byte[] payload = new byte[Math.toIntExact(length)];
        in.readFully(payload);
        return new Frame(opcode, payload);
    }

    private static String readHeaders(InputStream in) throws IOException {
        StringBuilder headers = new StringBuilder();
        while (!headers.toString().endsWith("\r\n\r\n")) {
            int next = in.read();
            if (next < 0) {
                throw new IOException("closed during the handshake");
            }
            headers.append((char) next);
        }
        return headers.toString();
    }

    /** One masked, unfragmented text frame (clients must mask). */
    public static void writeText(OutputStream out, String text) throws IOException {
        out.write(maskedFrame(TEXT, text.getBytes(StandardCharsets.UTF_8)));
        out.flush();
    }

    /** A client's frame of {@code opcode}, unfragmented and masked (clients must mask): a text frame, or a pong. */
    static byte[] maskedFrame(int opcode, byte[] payload) {
        byte[] mask = new byte[4];
        ThreadLocalRandom.current().nextBytes(mask);
        var frame = new ByteArrayOutputStream();
        frame.write(0x80 | opcode);
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
        return frame.toByteArray();
    }

    /** The next text frame; pings (the gateway's heartbeats) are skipped, unanswered. */
    public static String readText(DataInputStream in) throws IOException {
        while (true) {
            Frame frame = readFrame(in);
            if (frame.isClose()) {
                throw new IOException("closed by the gateway: " + frame.closeCode());
            }
            if (frame.isText()) {
                return frame.text();
            }
        }
    }
}
