package dev.parley.system.gateway;

import java.io.BufferedReader;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A client process for the heap benchmark: holds idle, authenticated WebSockets to one gateway from
 * one source address ({@code 127.0.0.x}), so many processes can hold more sockets than one process
 * may open files. Plain blocking sockets speaking just enough RFC 6455 to say hello and read the
 * welcome; nothing is read afterwards. Reads {@code open <n>} lines on stdin, answers
 * {@code opened <total>}; {@code quit} (or end of input) exits.
 *
 * <p>Arguments: gateway port, source address, token.
 */
public final class IdleSockets {

    private IdleSockets() {
    }

    public static void main(String[] args) throws IOException {
        int port = Integer.parseInt(args[0]);
        InetAddress source = InetAddress.getByName(args[1]);
        String token = args[2];
        List<Socket> sockets = new ArrayList<>();
        var commands = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line = commands.readLine(); line != null && !line.equals("quit"); line = commands.readLine()) {
            if (line.startsWith("open ")) {
                int count = Integer.parseInt(line.substring(5).trim());
                for (int i = 0; i < count; i++) {
                    sockets.add(open(port, source, token));
                }
                System.out.println("opened " + sockets.size());
                System.out.flush();
            }
        }
        for (Socket socket : sockets) {
            socket.close();
        }
    }

    private static Socket open(int port, InetAddress source, String token) throws IOException {
        Socket socket = new Socket();
        socket.bind(new InetSocketAddress(source, 0));
        socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        OutputStream out = socket.getOutputStream();
        byte[] key = new byte[16];
        ThreadLocalRandom.current().nextBytes(key);
        out.write(("GET /ws HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Key: " + Base64.getEncoder().encodeToString(key) + "\r\nSec-WebSocket-Version: 13\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        var in = new DataInputStream(socket.getInputStream());
        String status = readHeaders(in);
        if (!status.startsWith("HTTP/1.1 101")) {
            throw new IOException("no upgrade: " + status);
        }
        writeText(out, "{\"type\":\"hello\",\"token\":\"" + token + "\"}");
        String welcome = readText(in);
        if (!welcome.contains("\"welcome\"")) {
            throw new IOException("no welcome: " + welcome);
        }
        return socket;
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
    private static void writeText(OutputStream out, String text) throws IOException {
        byte[] payload = text.getBytes(StandardCharsets.UTF_8);
        byte[] mask = new byte[4];
        ThreadLocalRandom.current().nextBytes(mask);
        var frame = new java.io.ByteArrayOutputStream();
        frame.write(0x81);
        if (payload.length < 126) {
            frame.write(0x80 | payload.length);
        } else {
            frame.write(0x80 | 126);
            frame.write(payload.length >>> 8);
            frame.write(payload.length & 0xff);
        }
        frame.write(mask);
        for (int i = 0; i < payload.length; i++) {
            frame.write(payload[i] ^ mask[i % 4]);
        }
        out.write(frame.toByteArray());
        out.flush();
    }

    private static String readText(DataInputStream in) throws IOException {
        int opcode = in.readUnsignedByte() & 0x0f;
        int length = in.readUnsignedByte() & 0x7f;
        if (length == 126) {
            length = in.readUnsignedShort();
        } else if (length == 127) {
            throw new IOException("unexpectedly large frame");
        }
        byte[] payload = new byte[length];
        in.readFully(payload);
        if (opcode == 0x8) {
            throw new IOException("closed by the gateway: " + (length >= 2 ? ((payload[0] & 0xff) << 8 | (payload[1] & 0xff)) : "?"));
        }
        return new String(payload, StandardCharsets.UTF_8);
    }
}
