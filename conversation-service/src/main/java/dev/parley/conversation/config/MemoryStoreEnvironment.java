package dev.parley.conversation.config;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * With {@code parley.conversation.store=memory} there is no database: this switches off the
 * auto-configuration that would connect to one (R2DBC's connection pool and its health check,
 * Flyway's migration at startup) and drops the database from the readiness group. It runs before
 * auto-configuration is decided, which a {@code @Configuration} cannot; registered in
 * {@code META-INF/spring.factories}.
 */
public final class MemoryStoreEnvironment implements EnvironmentPostProcessor {

    static final List<String> DATABASE_AUTO_CONFIGURATION = List.of(
            "org.springframework.boot.r2dbc.autoconfigure.R2dbcAutoConfiguration",
            "org.springframework.boot.r2dbc.autoconfigure.R2dbcInitializationAutoConfiguration",
            "org.springframework.boot.r2dbc.autoconfigure.R2dbcTransactionManagerAutoConfiguration",
            "org.springframework.boot.r2dbc.autoconfigure.health.ConnectionFactoryHealthContributorAutoConfiguration",
            "org.springframework.boot.r2dbc.autoconfigure.metrics.ConnectionPoolMetricsAutoConfiguration",
            "org.springframework.boot.data.r2dbc.autoconfigure.DataR2dbcAutoConfiguration",
            "org.springframework.boot.data.r2dbc.autoconfigure.DataR2dbcRepositoriesAutoConfiguration",
            "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration",
            "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration");
    private static final String EXCLUDE = "spring.autoconfigure.exclude";
    private static final String READINESS = "management.endpoint.health.group.readiness.include";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String store = environment.getProperty(ConversationProperties.STORE, "postgres").trim();
        if (!store.equalsIgnoreCase("memory")) {
            if (!store.equalsIgnoreCase("postgres")) {
                // Neither store's beans would be built: say so here rather than as a missing bean.
                throw new IllegalStateException(ConversationProperties.STORE + " must be postgres or memory, was '" + store + "'");
            }
            return;
        }
        List<String> excluded = new ArrayList<>(Arrays.asList(environment.getProperty(EXCLUDE, String[].class, new String[0])));
        excluded.addAll(DATABASE_AUTO_CONFIGURATION);
        environment.getPropertySources().addFirst(new MapPropertySource("parleyMemoryStore", Map.of(
                EXCLUDE, String.join(",", excluded),
                READINESS, "readinessState")));
    }
}
