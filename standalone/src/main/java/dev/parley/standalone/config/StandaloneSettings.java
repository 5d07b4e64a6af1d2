package dev.parley.standalone.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.core.env.MapPropertySource;

/**
 * The settings the three services need to find each other inside one process, derived before the
 * context starts:
 * <ul>
 *   <li>the gateway and the worker call conversation-service over loopback HTTP on this process's
 *       own port (their HTTP clients are the contract between the services; see docs/architecture.md),
 *       so a requested port 0 is pinned to a free port first: the URLs are fixed when beans are built,
 *       before the server binds;</li>
 *   <li>the worker's client secret is random at each start and given to both sides: nobody outside
 *       this process needs it;</li>
 *   <li>{@code PARLEY_DB_URL} ({@code [jdbc:]postgresql://host:port/db}) sets the R2DBC and the
 *       Flyway URL together.</li>
 * </ul>
 * Settings given explicitly (command line, environment, application.yml) win over derived ones.
 */
public final class StandaloneSettings implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {

    static final String WORKER_CLIENT_ID = "assignment-worker";
    /** 32 random bytes, hex: above the conversation service's 32-character minimum for service secrets. */
    private static final int SECRET_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String SOURCE = "parleyStandalone";

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        ConfigurableEnvironment environment = event.getEnvironment();
        Map<String, Object> pinned = new HashMap<>();
        int port = environment.getProperty("server.port", Integer.class, 8080);
        if (port == 0) {
            port = freePort();
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
        String databaseUrl = environment.getProperty("PARLEY_DB_URL", "");
        if (!databaseUrl.isBlank()) {
            String postgres = databaseUrl.strip().replaceFirst("^jdbc:", "");
            pinned.put("spring.r2dbc.url", "r2dbc:" + postgres);
            pinned.put("spring.flyway.url", "jdbc:" + postgres);
        }
        // Pinned values override application.yml's defaults; derived ones only fill gaps.
        environment.getPropertySources().addFirst(new MapPropertySource(SOURCE + "Pinned", pinned));
        environment.getPropertySources().addLast(new MapPropertySource(SOURCE + "Derived", derived));
    }

    /** Whether conversations live in memory only (no PostgreSQL configured). */
    static boolean memoryStore(Environment environment) {
        return false;
    }

    /** The server listens on every interface unless {@code server.address} names one. */
    private static String loopbackHost(ConfigurableEnvironment environment) {
        String address = environment.getProperty("server.address", "");
        return address.isBlank() || address.equals("0.0.0.0") ? "127.0.0.1" : address;
    }

    private static int freePort() {
        try (var socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port for the standalone server", e);
        }
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[SECRET_BYTES];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
