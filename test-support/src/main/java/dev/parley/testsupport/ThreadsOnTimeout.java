package dev.parley.testsupport;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;

/**
 * When a test fails because something it waited for never came (a timeout anywhere in the cause
 * chain), writes every thread's stack to {@code target/thread-dumps/}, and fails with a message
 * that says, on one line, where the threads were: each thread's innermost frame outside the JDK's
 * own packages, with how many threads stand there. A hang seen once in CI then says where the
 * work was stuck, even when only the build's last lines are kept.
 */
public final class ThreadsOnTimeout implements TestExecutionExceptionHandler {

    private static final Path DIRECTORY = Path.of("target", "thread-dumps");

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
        if (isTimeout(failure)) {
            Path file = DIRECTORY.resolve(context.getRequiredTestClass().getSimpleName() + "-" + Instant.now().toEpochMilli() + ".txt");
            try {
                Files.createDirectories(DIRECTORY);
                Files.writeString(file, "Threads when " + context.getDisplayName() + " timed out:\n\n" + threads());
            } catch (IOException e) {
                failure.addSuppressed(e);
            }
            throw new AssertionError(failure + "; threads (" + file + "): " + whereThreadsAre(), failure);
        }
        throw failure;
    }

    /** Innermost non-JDK frame of every thread, counted: "Class.method ×n, ...", busiest first. */
    static String whereThreadsAre() {
        Map<String, Integer> counts = new TreeMap<>();
        for (ThreadInfo thread : ManagementFactory.getThreadMXBean().dumpAllThreads(false, false)) {
            String where = thread.getThreadState() + " " + innermostOwnFrame(thread.getStackTrace());
            counts.merge(where, 1, Integer::sum);
        }
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .map(entry -> entry.getKey() + " x" + entry.getValue())
                .collect(Collectors.joining(", "));
    }

    private static String innermostOwnFrame(StackTraceElement[] stack) {
        for (StackTraceElement frame : stack) {
            String type = frame.getClassName();
            if (!type.startsWith("java.") && !type.startsWith("jdk.") && !type.startsWith("sun.")) {
                return type.substring(type.lastIndexOf('.') + 1) + "." + frame.getMethodName();
            }
        }
        return stack.length == 0 ? "(no stack)" : stack[0].getClassName() + "." + stack[0].getMethodName();
    }

    static boolean isTimeout(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            String message = String.valueOf(cause.getMessage());
            if (cause instanceof TimeoutException || message.contains("Timeout on blocking read") || message.contains("timed out")) {
                return true;
            }
        }
        return false;
    }

    private static String threads() {
        StringBuilder dump = new StringBuilder();
        for (ThreadInfo thread : ManagementFactory.getThreadMXBean().dumpAllThreads(true, true)) {
            dump.append('"').append(thread.getThreadName()).append("\" ").append(thread.getThreadState());
            if (thread.getLockName() != null) {
                dump.append(" on ").append(thread.getLockName());
            }
            if (thread.getLockOwnerName() != null) {
                dump.append(" held by ").append(thread.getLockOwnerName());
            }
            dump.append('\n');
            for (StackTraceElement frame : thread.getStackTrace()) {
                dump.append("    at ").append(frame).append('\n');
            }
            dump.append('\n');
        }
        return dump.toString();
    }
}
