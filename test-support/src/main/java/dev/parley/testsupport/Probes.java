package dev.parley.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Short, bounded checks that a server answers, so that a missing one costs well under a second and
 * never hangs the build.
 */
final class Probes {

    private static final int CONNECT_TIMEOUT_MILLIS = 500;
    private static final int READ_TIMEOUT_MILLIS = 2_000;

    private Probes() {
    }

    /** @return why nothing accepts TCP connections at host:port, or empty when something does */
    static Optional<String> tcp(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), CONNECT_TIMEOUT_MILLIS);
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of("nothing answers on " + host + ":" + port + " (" + describe(e) + ")");
        }
    }

    /** @return why host:port is not a Redis that answers PING without AUTH, or empty when it is */
    static Optional<String> redisPing(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), CONNECT_TIMEOUT_MILLIS);
            socket.setSoTimeout(READ_TIMEOUT_MILLIS);
            OutputStream out = socket.getOutputStream();
            out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String reply = readLine(socket.getInputStream());
            return reply.startsWith("+PONG")
                    ? Optional.empty()
                    : Optional.of(host + ":" + port + " answered PING with '" + reply + "'");
        } catch (IOException e) {
            return Optional.of("no Redis answers on " + host + ":" + port + " (" + describe(e) + ")");
        }
    }

    /** @return the first host:port of a comma-separated bootstrap list */
    static InetSocketAddress firstAddress(String hostPortList) {
        String first = hostPortList.split(",")[0].trim();
        int colon = first.lastIndexOf(':');
        if (colon <= 0 || colon == first.length() - 1) {
            throw new IllegalArgumentException("expected host:port, got '" + first + "'");
        }
        String host = first.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        return InetSocketAddress.createUnresolved(host, Integer.parseInt(first.substring(colon + 1)));
    }

    /** The exception and, if different, its root cause, on one line. */
    static String explain(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == e ? describe(e) : describe(e) + " (caused by " + describe(root) + ")";
    }

    static String describe(Throwable e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

    private static String readLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int b = in.read(); b != -1 && b != '\r' && b != '\n' && line.length() < 200; b = in.read()) {
            line.append((char) b);
        }
        return line.toString();
    }
}
