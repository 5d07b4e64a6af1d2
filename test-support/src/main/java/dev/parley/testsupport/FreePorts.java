package dev.parley.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Ports for in-JVM servers on the loopback interface. A port handed out stays reserved until it is
 * released, so a broker that is stopped for a while gets its port back on restart even if other
 * brokers in this JVM were started meanwhile: the kernel would happily offer them the idle port.
 */
final class FreePorts {

    private static final Set<Integer> RESERVED = new HashSet<>(); // guarded by RESERVED

    private FreePorts() {
    }

    /** Ports free right now and not reserved by this JVM; distinct from each other. */
    static int[] reserve(int count) {
        List<ServerSocket> sockets = new ArrayList<>();
        int[] ports = new int[count];
        try {
            synchronized (RESERVED) {
                int found = 0;
                while (found < count) {
                    // The socket stays open until the end, so the kernel cannot offer the same port twice.
                    ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(Hosts.LOOPBACK));
                    sockets.add(socket);
                    if (RESERVED.add(socket.getLocalPort())) {
                        ports[found++] = socket.getLocalPort();
                    }
                }
            }
            return ports;
        } catch (IOException e) {
            release(ports);
            throw new UncheckedIOException("could not find free ports on " + Hosts.LOOPBACK, e);
        } finally {
            for (ServerSocket socket : sockets) {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // the port was found, which is all we wanted from this socket
                }
            }
        }
    }

    static void release(int... ports) {
        synchronized (RESERVED) {
            for (int port : ports) {
                RESERVED.remove(port);
            }
        }
    }
}
