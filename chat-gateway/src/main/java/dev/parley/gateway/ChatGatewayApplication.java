package dev.parley.gateway;

import dev.parley.gateway.config.ChatGatewayConfiguration;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.data.redis.autoconfigure.observation.LettuceObservationAutoConfiguration;
import org.springframework.context.annotation.Import;

/**
 * The real-time edge of Parley: WebSocket termination, routing across nodes, fan-out of events.
 * No component scanning: every bean is built in {@link ChatGatewayConfiguration}.
 */
@SpringBootConfiguration
// Lettuce's observation wraps every Redis command in an observation (timers, a span): 5-7% of a
// routing node's CPU under load (SupportFloorBenchmark's profile); routing has meters of its own.
// Excluded here, not in application.yml, so a command line's own exclude list does not bring it back.
@EnableAutoConfiguration(exclude = LettuceObservationAutoConfiguration.class)
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
