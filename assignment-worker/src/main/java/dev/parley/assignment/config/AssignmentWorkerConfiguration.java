package dev.parley.assignment.config;

import dev.parley.events.spring.EventBusConfiguration;
import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** Every bean of the worker is built here, explicitly. */
@Configuration(proxyBeanMethods = false)
@Import(EventBusConfiguration.class)
@EnableConfigurationProperties(AssignmentProperties.class)
public class AssignmentWorkerConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
