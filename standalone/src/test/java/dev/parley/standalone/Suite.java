package dev.parley.standalone;

import dev.parley.standalone.demo.DemoData;
import dev.parley.standalone.demo.SeededDemo;
import dev.parley.testsupport.TestDatabase;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** The standalone suite started in this JVM the way a user starts it, on a free port. */
final class Suite implements AutoCloseable {

    private final ConfigurableApplicationContext context;
    final int port;

    private Suite(ConfigurableApplicationContext context) {
        this.context = context;
        this.port = ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    /**
     * As a first start with nothing installed runs: on the embedded PostgreSQL, with its data in
     * {@code dataDirectory} ({@code PARLEY_DATA_DIR}; never the user's {@code ~/.parley}).
     */
    static Suite embedded(Path dataDirectory, String... extra) {
        return embedded(dataDirectory, 0, extra);
    }

    /** The same on a given port (0: a free one), so a test can stop the suite and start it again where clients expect it. */
    static Suite embedded(Path dataDirectory, int port, String... extra) {
        var arguments = new ArrayList<>(List.of("--server.port=" + port, "--PARLEY_DATA_DIR=" + dataDirectory));
        arguments.addAll(List.of(extra));
        return new Suite(StandaloneApplication.run(arguments.toArray(String[]::new)));
    }

    /**
     * On the class's own PostgreSQL database, given as a user gives it: {@code PARLEY_DB_URL}; uploads
     * go to {@code dataDirectory}.
     */
    static Suite onPostgres(TestDatabase database, Path dataDirectory, String... extra) {
        var arguments = new ArrayList<>(List.of(
                "--server.port=0",
                "--PARLEY_DATA_DIR=" + dataDirectory,
                "--PARLEY_DB_URL=" + database.jdbcUrl(),
                "--spring.r2dbc.username=" + database.username(),
                "--spring.r2dbc.password=" + database.password(),
                "--spring.flyway.user=" + database.username(),
                "--spring.flyway.password=" + database.password()));
        arguments.addAll(List.of(extra));
        return new Suite(StandaloneApplication.run(arguments.toArray(String[]::new)));
    }

    DemoData demo() {
        return context.getBean(SeededDemo.class).get().orElseThrow();
    }

    /** The origin a browser on this machine sends for the printed URL. */
    String origin() {
        return "http://localhost:" + port;
    }

    <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    boolean has(Class<?> type) {
        return context.getBeanNamesForType(type).length > 0;
    }

    String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    @Override
    public void close() {
        context.close();
    }
}
