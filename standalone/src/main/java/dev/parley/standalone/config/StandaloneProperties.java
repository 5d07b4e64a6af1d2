package dev.parley.standalone.config;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the standalone suite, under {@code parley.standalone}.
 *
 * @param demo the demo data created on first start
 */
@ConfigurationProperties("parley.standalone")
public record StandaloneProperties(@DefaultValue Demo demo) {

    /**
     * @param enabled        whether to create a demo inbox, department, FAQ and two agents when missing
     *                       (agents' generated passwords are printed once, when they are created)
     * @param publicUrl      the address people open, printed in the log; empty: {@code http://localhost:<port>}
     * @param allowedOrigins extra origins allowed to embed the demo inbox's widget, beyond the app's own
     */
    public record Demo(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("") String publicUrl,
            @DefaultValue List<String> allowedOrigins) {
    }
}
