package dev.parley.system.gateway;

import dev.parley.testsupport.http.ActuatorProbe;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a benchmark reads of a service's process on this machine: the gateway's sockets gauge, used
 * heap after full GCs ({@code jcmd GC.run}, then the {@code jvm_memory_used_bytes} of the heap's
 * pools), and the resident set ({@code VmRSS} of {@code /proc/<pid>/status}).
 */
public final class NodeProbe {

    private static final Pattern HEAP_USED = Pattern.compile("(?m)^jvm_memory_used_bytes\\{[^}]*area=\"heap\"[^}]*} (\\S+)$");
    private static final Pattern SOCKETS = Pattern.compile("(?m)^parley_gateway_sockets\\{[^}]*role=\"([a-z_]+)\"[^}]*} (\\S+)$");
    private static final Pattern RSS = Pattern.compile("(?m)^VmRSS:\\s+(\\d+) kB$");

    private NodeProbe() {
    }

    /** The gateway's {@code parley_gateway_sockets} of {@code role} ({@code customer}, {@code agent}, …), or all roles for null; -1 if absent. */
    public static double sockets(int port, String role) {
        Matcher sockets = SOCKETS.matcher(ActuatorProbe.onLocalPort(port).prometheus().body());
        double total = -1;
        while (sockets.find()) {
            if (role == null || role.equals(sockets.group(1))) {
                total = Math.max(total, 0) + Double.parseDouble(sockets.group(2));
            }
        }
        return total;
    }

    /** Bytes of heap in use after two full GCs of process {@code pid}, whose actuator listens on {@code port}. */
    public static double heapAfterGc(long pid, int port) {
        try {
            for (int i = 0; i < 2; i++) {
                new ProcessBuilder("jcmd", Long.toString(pid), "GC.run").redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        Matcher used = HEAP_USED.matcher(ActuatorProbe.onLocalPort(port).prometheus().body());
        double total = 0;
        while (used.find()) {
            total += Double.parseDouble(used.group(1));
        }
        return total;
    }

    /** Resident bytes of process {@code pid}. */
    public static long rss(long pid) {
        try {
            Matcher rss = RSS.matcher(Files.readString(Path.of("/proc", Long.toString(pid), "status")));
            return rss.find() ? Long.parseLong(rss.group(1)) * 1024 : -1;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
