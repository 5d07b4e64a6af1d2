package dev.parley.standalone;

import dev.parley.standalone.config.StandaloneConfiguration;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;

/**
 * The whole suite in one JVM on one port (ARCHITECTURE §2, the memory engine): conversation-service,
 * chat-gateway and assignment-worker share one Spring context, one web server and the in-process
 * event bus. No component scanning: {@link StandaloneConfiguration} imports each service's own wiring.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(StandaloneConfiguration.class)
public class StandaloneApplication {

    public static void main(String[] args) {
        run(args);
    }

    /** Starts the suite as {@code main} does; tests start it with this. */
    public static ConfigurableApplicationContext run(String... args) {
        return SpringApplication.run(StandaloneApplication.class, args);
    }
}
