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

    public static void main(String[] args) {
        SpringApplication.run(ChatGatewayApplication.class, args);
    }
}
