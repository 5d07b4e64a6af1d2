package dev.parley.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Renders an overlay of deploy/k8s with {@code kubectl kustomize}, as an operator would. The
 * overlays read a git-ignored {@code secrets.env}; the rendering works on a copy of deploy/ where
 * each overlay's {@code secrets.env.example} stands in for it.
 */
final class Kustomize {

    static final List<String> OVERLAYS = List.of("dev", "prod");

    private Kustomize() {
    }

    private static final Map<String, List<Map<String, Object>>> RENDERED = new ConcurrentHashMap<>();

    /** The overlay's objects, rendered once per test run from a copy of deploy/ made in {@code scratch}. */
    static List<Map<String, Object>> render(String overlay, Path scratch) {
        return RENDERED.computeIfAbsent(overlay, name -> renderNow(name, scratch));
    }

    private static List<Map<String, Object>> renderNow(String overlay, Path scratch) {
        Path copy = copyOfDeploy(scratch);
        Path dir = copy.resolve("k8s/overlays").resolve(overlay);
        try {
            Files.copy(dir.resolve("secrets.env.example"), dir.resolve("secrets.env"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Yaml.documents(kubectl("kustomize", dir.toString()));
    }

    private static String kubectl(String... arguments) {
        var command = new java.util.ArrayList<String>();
        command.add("kubectl");
        command.addAll(List.of(arguments));
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(false).start();
        } catch (IOException e) {
            throw new IllegalStateException("""
                    kubectl is needed to render deploy/k8s (kubectl kustomize, Kustomize v5) and was not \
                    found on PATH. Install kubectl 1.27 or newer.""", e);
        }
        try {
            process.getOutputStream().close();
            var stdout = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            var stderr = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(2, TimeUnit.MINUTES) || process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed:\n" + stderr);
            }
            return stdout;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Path copyOfDeploy(Path scratch) {
        try {
            Path target = Files.createTempDirectory(scratch, "deploy-");
            Path source = Repository.file("deploy");
            try (Stream<Path> files = Files.walk(source)) {
                for (Path file : (Iterable<Path>) files::iterator) {
                    Path to = target.resolve(source.relativize(file).toString());
                    if (Files.isDirectory(file)) {
                        Files.createDirectories(to);
                    } else if (!file.getFileName().toString().equals("secrets.env")) {
                        Files.copy(file, to);
                    }
                }
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
