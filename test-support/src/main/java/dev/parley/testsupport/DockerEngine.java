package dev.parley.testsupport;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Decides once per JVM whether Testcontainers may be used. Testcontainers' own discovery logs errors
 * and stack traces for every strategy it tries, so it is only asked when there is a sign of a Docker
 * engine at all (DOCKER_HOST, a Testcontainers config, or a known socket file).
 */
final class DockerEngine {

    private static final Once<Optional<String>> UNAVAILABLE_REASON = new Once<>(DockerEngine::check);

    private DockerEngine() {
    }

    /** @return why Testcontainers cannot be used, or empty when a Docker engine answers */
    static Optional<String> unavailableReason() {
        return UNAVAILABLE_REASON.get();
    }

    private static Optional<String> check() {
        if (!hasSignOfDocker()) {
            return Optional.of("Docker: no engine configured (DOCKER_HOST unset, no ~/.testcontainers.properties,"
                    + " no docker.sock in the usual places)");
        }
        try {
            if (ContainerEngineCheck.isDockerAvailable()) {
                return Optional.empty();
            }
            return Optional.of("Docker: Testcontainers found no working engine");
        } catch (LinkageError | RuntimeException e) {
            return Optional.of("Docker: Testcontainers could not be asked (" + Probes.describe(e) + ")");
        }
    }

    private static boolean hasSignOfDocker() {
        if (notBlank(System.getenv("DOCKER_HOST")) || notBlank(System.getenv("TESTCONTAINERS_DOCKER_SOCKET_OVERRIDE"))) {
            return true;
        }
        String home = System.getProperty("user.home", "");
        String runtimeDir = System.getenv("XDG_RUNTIME_DIR");
        List<Path> candidates = Stream.of(
                        Path.of(home, ".testcontainers.properties"),
                        Path.of("/var/run/docker.sock"),
                        Path.of("/run/docker.sock"),
                        Path.of(home, ".docker", "run", "docker.sock"),
                        Path.of(home, ".docker", "desktop", "docker.sock"),
                        Path.of(home, ".colima", "default", "docker.sock"),
                        Path.of(home, ".rd", "docker.sock"),
                        runtimeDir == null ? null : Path.of(runtimeDir, "docker.sock"),
                        runtimeDir == null ? null : Path.of(runtimeDir, "podman", "podman.sock"))
                .filter(path -> path != null)
                .toList();
        return candidates.stream().anyMatch(Files::exists);
    }

    private static boolean notBlank(String value) {
        return value != null && !value.isBlank();
    }

    /** Kept apart so Testcontainers classes load only when a Docker engine is plausible. */
    private static final class ContainerEngineCheck {
        static boolean isDockerAvailable() {
            return org.testcontainers.DockerClientFactory.instance().isDockerAvailable();
        }
    }
}
