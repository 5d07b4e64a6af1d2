package dev.parley.system.gateway;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A client process for the heap benchmark: holds idle, authenticated WebSockets to one gateway from
 * one source address ({@code 127.0.0.x}), so many processes can hold more sockets than one process
 * may open files. Each is a {@link RawWebSocket} that says hello and reads its welcome; nothing is
 * read afterwards. Reads {@code open <n>} lines on stdin, answers
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
        Socket socket = RawWebSocket.upgrade(port, source, Map.of());
        String welcome = RawWebSocket.hello(socket, token);
        if (!welcome.contains("\"welcome\"")) {
            throw new IOException("no welcome: " + welcome);
        }
        return socket;
    }
}
