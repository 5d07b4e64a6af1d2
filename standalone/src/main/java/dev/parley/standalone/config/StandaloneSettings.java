package dev.parley.standalone.config;

import dev.parley.standalone.database.DataDirectory;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.core.env.MapPropertySource;

/**
 * The settings the three services need to find each other inside one process, derived before the
 * context starts:
 * <ul>
 *   <li>the worker and the gateway's presence reporter call conversation-service over loopback HTTP
 *       on this process's own port (the gateway's commands do not: they are in-process calls), so a
 *       requested port 0 is pinned to a free port first, held by {@link PortReservation} until the
 *       server binds it: the URLs are fixed when beans are built, before the server binds;</li>
 *   <li>the worker's and the gateway's client secrets are random at each start and given to both
 *       sides: nobody outside this process needs them. Without the gateway's, agents who closed
 *       the console were never reported OFFLINE (issue 15, 8a);</li>
 *   <li>the database: the PostgreSQL that {@code PARLEY_DB_URL} ({@code [jdbc:]postgresql://host:port/db})
 *       names, which sets the R2DBC and the Flyway URL together; when it is not set,
 *       {@link EmbeddedDatabaseStartup} runs an embedded one in the data directory, so a first start
 *       needs nothing installed;</li>
 *   <li>uploaded files go to the data directory too ({@code PARLEY_DATA_DIR}, by default
 *       {@code ~/.parley}), so a restart keeps them.</li>
 * </ul>
 * Settings given explicitly (command line, environment, application.yml) win over derived ones.
 * Runs right after application.yml is read; registered in {@code META-INF/spring.factories}.
 */
public final class StandaloneSettings implements EnvironmentPostProcessor, Ordered {

    static final String WORKER_CLIENT_ID = "assignment-worker";
    static final String GATEWAY_CLIENT_ID = "chat-gateway";
    static final String DATABASE_URL = "PARLEY_DB_URL";
    /** 32 random bytes, hex: above the conversation service's 32-character minimum for service secrets. */
    private static final int SECRET_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String SOURCE = "parleyStandalone";

    @Override
    public int getOrder() {
        return ConfigDataEnvironmentPostProcessor.ORDER + 1;
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Map<String, Object> pinned = new HashMap<>();
        int port = environment.getProperty("server.port", Integer.class, 8080);
        if (port == 0) {
            port = PortReservation.reserve();
            pinned.put("server.port", port);
        }
        Map<String, Object> derived = new HashMap<>();
        String self = "http://" + loopbackHost(environment) + ":" + port;
        derived.put("parley.gateway.conversation-service", self);
        derived.put("parley.assignment.conversation-service-url", self);
        String secret = HexFormat.of().formatHex(randomBytes());
        derived.put("parley.identity.services." + WORKER_CLIENT_ID + ".secret", secret);
        derived.put("parley.assignment.client-id", WORKER_CLIENT_ID);
        derived.put("parley.assignment.client-secret", secret);
        String gatewaySecret = HexFormat.of().formatHex(randomBytes());
        derived.put("parley.identity.services." + GATEWAY_CLIENT_ID + ".secret", gatewaySecret);
        derived.put("parley.gateway.presence.client-id", GATEWAY_CLIENT_ID);
        derived.put("parley.gateway.presence.client-secret", gatewaySecret);
        derived.put("parley.attachments.directory",
                DataDirectory.from(environment::getProperty).attachments().toString());
        String databaseUrl = environment.getProperty(DATABASE_URL, "");
        if (!databaseUrl.isBlank()) {
            String postgres = databaseUrl.strip().replaceFirst("^jdbc:", "");
            pinned.put("spring.r2dbc.url", "r2dbc:" + postgres);
            pinned.put("spring.flyway.url", "jdbc:" + postgres);
        }
        // Pinned values override application.yml's defaults; derived ones only fill gaps.
        environment.getPropertySources().addFirst(new MapPropertySource(SOURCE + "Pinned", pinned));
        environment.getPropertySources().addLast(new MapPropertySource(SOURCE + "Derived", derived));
    }

    /** Whether {@code PARLEY_DB_URL} names a PostgreSQL of the user's own (then none is embedded). */
    static boolean externalDatabase(Environment environment) {
        return !environment.getProperty(DATABASE_URL, "").isBlank();
    }

    /** The server listens on every interface unless {@code server.address} names one. */
    private static String loopbackHost(ConfigurableEnvironment environment) {
        String address = environment.getProperty("server.address", "");
        return address.isBlank() || address.equals("0.0.0.0") ? "127.0.0.1" : address;
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[SECRET_BYTES];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
