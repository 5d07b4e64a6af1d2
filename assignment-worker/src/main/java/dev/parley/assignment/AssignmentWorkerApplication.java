package dev.parley.assignment;

import dev.parley.assignment.config.AssignmentWorkerConfiguration;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;

/**
 * Assigns waiting conversations to agents from queue and availability events (ARCHITECTURE §3).
 * No component scanning: every bean is built in {@link AssignmentWorkerConfiguration}.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(AssignmentWorkerConfiguration.class)
public class AssignmentWorkerApplication {

    public static void main(String[] args) {
        SpringApplication.run(AssignmentWorkerApplication.class, args);
    }
}
