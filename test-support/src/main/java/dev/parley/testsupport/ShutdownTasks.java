package dev.parley.testsupport;

import java.util.ArrayDeque;
import java.util.Deque;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Work to do when the test JVM exits, run in one hook thread in reverse order of registration, so a
 * broker registered after its data directory is stopped before that directory is deleted.
 */
final class ShutdownTasks {

    private static final Logger log = LoggerFactory.getLogger(ShutdownTasks.class);
    private static final Deque<Task> TASKS = new ArrayDeque<>();
    private static boolean hookInstalled; // guarded by TASKS

    private ShutdownTasks() {
    }

    /** @return a handle that drops the task, for resources closed before the JVM exits */
    static Registration register(String description, Runnable action) {
        Task task = new Task(description, action);
        synchronized (TASKS) {
            if (!hookInstalled) {
                Runtime.getRuntime().addShutdownHook(new Thread(ShutdownTasks::runAll, "parley-test-support-shutdown"));
                hookInstalled = true;
            }
            TASKS.push(task);
        }
        return () -> {
            synchronized (TASKS) {
                TASKS.remove(task);
            }
        };
    }

    private static void runAll() {
        while (true) {
            Task task;
            synchronized (TASKS) {
                task = TASKS.poll();
            }
            if (task == null) {
                return;
            }
            try {
                task.action().run();
            } catch (RuntimeException e) {
                log.warn("Shutdown task '{}' failed: {}", task.description(), Probes.describe(e));
            }
        }
    }

    @FunctionalInterface
    interface Registration {
        void cancel();
    }

    private record Task(String description, Runnable action) {
    }
}
