package dev.parley.gateway;

import dev.parley.gateway.config.ChatGatewayConfiguration;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;

/**
 * The real-time edge of Parley: WebSocket termination, routing across nodes, fan-out of events.
 * No component scanning: every bean is built in {@link ChatGatewayConfiguration}.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(ChatGatewayConfiguration.class)
public class ChatGatewayApplication {

    /**
     * Reactor Netty's event-loop count, read once when its first loop starts. Its default,
     * max(cores, 4), gives a 2-core pod four loops contending for two cores; the gateway's I/O
     * never blocks, so one loop per core is enough. {@code -Dreactor.netty.ioWorkerCount} overrides.
     */
    static final String IO_WORKERS = "reactor.netty.ioWorkerCount";

    public static void main(String[] args) {
        if (System.getProperty(IO_WORKERS) == null) {
            System.setProperty(IO_WORKERS, Integer.toString(Runtime.getRuntime().availableProcessors()));
        }
        SpringApplication.run(ChatGatewayApplication.class, args);
    }
}
