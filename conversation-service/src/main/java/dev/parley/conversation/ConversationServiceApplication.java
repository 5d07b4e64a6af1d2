package dev.parley.conversation;

import dev.parley.conversation.config.ConversationServiceConfiguration;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;

/**
 * The source of truth of Parley: conversations, their lifecycle and messages (ARCHITECTURE §1).
 * No component scanning: every bean is built in {@link ConversationServiceConfiguration}.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(ConversationServiceConfiguration.class)
public class ConversationServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(ConversationServiceApplication.class, args);
    }
}
