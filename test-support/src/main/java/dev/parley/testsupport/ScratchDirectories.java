package dev.parley.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Temporary directories for in-JVM servers. They go under the module's build directory when Failsafe
 * tells us where it is ({@code PARLEY_TEST_BUILD_DIR}, set by the parent pom), so a crashed run leaves
 * nothing outside {@code target/}; and they are deleted when the JVM exits in any case.
 */
final class ScratchDirectories {

    static final String BUILD_DIR_VARIABLE = "PARLEY_TEST_BUILD_DIR";

    private ScratchDirectories() {
    }

    static Path create(String prefix) {
        try {
            Path parent = parent();
            Files.createDirectories(parent);
            Path directory = Files.createTempDirectory(parent, prefix);
            ShutdownTasks.register("delete " + directory, () -> deleteRecursively(directory));
            return directory;
        } catch (IOException e) {
            throw new UncheckedIOException("could not create a scratch directory", e);
        }
    }

    static void deleteRecursively(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("could not delete " + directory, e);
        }
    }

    private static Path parent() {
        String buildDir = System.getenv(BUILD_DIR_VARIABLE);
        return buildDir == null || buildDir.isBlank()
                ? Path.of(System.getProperty("java.io.tmpdir"))
                : Path.of(buildDir, "parley-test-servers");
    }
}
