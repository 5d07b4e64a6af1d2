package dev.parley.bench.process;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.LongPredicate;

/**
 * CPU time of processes as Linux counts it in {@code /proc/<pid>/stat}: {@code utime + stime} in
 * clock ticks ({@link #TICK_NANOS}), the same figure {@code ProcessHandle.Info#totalCpuDuration}
 * gives for a JVM. For a process that forks workers and waits for them (PostgreSQL's postmaster)
 * {@link #withReapedChildren} adds {@code cutime + cstime}, the time of children that have exited,
 * so a server's total is not lowered when a backend goes away between two readings.
 */
public final class ProcStat {

    /** {@code USER_HZ} is 100 on every Linux architecture Java runs on. */
    public static final long TICK_NANOS = 10_000_000L;

    private static final Path PROC = Path.of("/proc");

    private ProcStat() {
    }

    /** The process's own user and system time, in nanoseconds; empty once it has exited. */
    public static OptionalLong cpuNanos(long pid) {
        long[] fields = fields(pid);
        return fields == null ? OptionalLong.empty() : OptionalLong.of((fields[UTIME] + fields[STIME]) * TICK_NANOS);
    }

    /** Own time plus that of the children it has reaped, in nanoseconds; empty once it has exited. */
    public static OptionalLong withReapedChildren(long pid) {
        long[] fields = fields(pid);
        return fields == null ? OptionalLong.empty()
                : OptionalLong.of((fields[UTIME] + fields[STIME] + fields[CUTIME] + fields[CSTIME]) * TICK_NANOS);
    }

    /**
     * Own time, that of the children it has reaped, and that of its live children so far: a server
     * that forks a process per connection (PostgreSQL) reaps a pooled connection's only at the end.
     */
    public static long withChildren(long pid) {
        long total = withReapedChildren(pid).orElse(0);
        for (long child : children(pid)) {
            total += cpuNanos(child).orElse(0);
        }
        return total;
    }

    /** The parent's pid, or -1 if the process is gone. */
    public static long parent(long pid) {
        long[] fields = fields(pid);
        return fields == null ? -1 : fields[PPID];
    }

    /** The process's command line, arguments separated by spaces (empty if it is gone). */
    public static String commandLine(long pid) {
        try {
            byte[] raw = Files.readAllBytes(PROC.resolve(Long.toString(pid)).resolve("cmdline"));
            return new String(raw, StandardCharsets.UTF_8).replace('\0', ' ').strip();
        } catch (IOException e) {
            return "";
        }
    }

    /** Whether the process's environment holds {@code entry} ({@code NAME=value}); false if unreadable. */
    public static boolean environmentHas(long pid, String entry) {
        try {
            byte[] raw = Files.readAllBytes(PROC.resolve(Long.toString(pid)).resolve("environ"));
            for (String variable : new String(raw, StandardCharsets.UTF_8).split("\0")) {
                if (variable.equals(entry)) {
                    return true;
                }
            }
            return false;
        } catch (IOException e) {
            return false;
        }
    }

    /** Every live pid that {@code accept}s, in no particular order. */
    public static List<Long> pids(LongPredicate accept) {
        List<Long> pids = new ArrayList<>();
        try (var entries = Files.newDirectoryStream(PROC)) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                if (!name.isEmpty() && Character.isDigit(name.charAt(0)) && name.chars().allMatch(Character::isDigit)) {
                    long pid = Long.parseLong(name);
                    if (accept.test(pid)) {
                        pids.add(pid);
                    }
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot list /proc", e);
        }
        return pids;
    }

    /** The direct children of {@code parent}. */
    public static List<Long> children(long parent) {
        return pids(pid -> parent(pid) == parent);
    }

    // Indices into the fields after the command name (field 3 of proc(5) is index 0).
    private static final int PPID = 1;
    private static final int UTIME = 11;
    private static final int STIME = 12;
    private static final int CUTIME = 13;
    private static final int CSTIME = 14;

    private static long[] fields(long pid) {
        String stat;
        try {
            stat = Files.readString(PROC.resolve(Long.toString(pid)).resolve("stat"), StandardCharsets.US_ASCII);
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            return null;
        }
        // the command name is in parentheses and may itself hold spaces and parentheses
        String[] rest = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        long[] fields = new long[CSTIME + 1];
        for (int i = PPID; i <= CSTIME; i++) {
            fields[i] = i == 0 ? 0 : parseOrZero(rest[i]);
        }
        return fields;
    }

    private static long parseOrZero(String field) {
        try {
            return Long.parseLong(field);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
