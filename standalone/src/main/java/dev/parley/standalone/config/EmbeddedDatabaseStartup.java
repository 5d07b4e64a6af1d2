package dev.parley.standalone.config;

import dev.parley.standalone.StandaloneApplication;
import dev.parley.standalone.database.DataDirectory;
import dev.parley.standalone.database.EmbeddedDatabase;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringApplicationRunListener;
import org.springframework.boot.bootstrap.ConfigurableBootstrapContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Runs standalone's {@link EmbeddedDatabase} for the life of the application, unless
 * {@code PARLEY_DB_URL} names a server of the user's own. A run listener rather than a bean because
 * it must start the server before the context is built (its port goes into the R2DBC and Flyway
 * URLs) and must stop it if the start fails before the context took it over. Once the context is
 * prepared it owns the server: a bean the connection factory and Flyway depend on
 * ({@link DatabaseOutlivesItsUsers}), closed after them. Registered in {@code META-INF/spring.factories}.
 */
public final class EmbeddedDatabaseStartup implements SpringApplicationRunListener, Ordered {

    static final String BEAN = "parleyEmbeddedDatabase";

    private final SpringApplication application;
    private EmbeddedDatabase database;

    public EmbeddedDatabaseStartup(SpringApplication application, String[] arguments) {
        this.application = application;
    }

    /** After the event publishing listener (order 0), whose post-processors have settled the environment. */
    @Override
    public int getOrder() {
        return 1;
    }

    @Override
    public void environmentPrepared(ConfigurableBootstrapContext bootstrapContext, ConfigurableEnvironment environment) {
        if (!application.getAllSources().contains(StandaloneApplication.class)
                || StandaloneSettings.externalDatabase(environment)) {
            return;
        }
        database = EmbeddedDatabase.start(DataDirectory.from(environment::getProperty));
        environment.getPropertySources().addFirst(new MapPropertySource(BEAN, Map.of(
                "spring.r2dbc.url", database.r2dbcUrl(),
                "spring.r2dbc.username", EmbeddedDatabase.USER,
                "spring.r2dbc.password", "",
                "spring.flyway.url", database.jdbcUrl(),
                "spring.flyway.user", EmbeddedDatabase.USER,
                "spring.flyway.password", "")));
    }

    @Override
    public void contextPrepared(ConfigurableApplicationContext context) {
        if (database != null) {
            EmbeddedDatabase server = database;
            ((GenericApplicationContext) context).registerBean(BEAN, EmbeddedDatabase.class, () -> server,
                    definition -> definition.setDestroyMethodName("close"));
            context.addBeanFactoryPostProcessor(new DatabaseOutlivesItsUsers(BEAN));
        }
    }

    /** The context may never have created the bean; closing twice is harmless. */
    @Override
    public void failed(ConfigurableApplicationContext context, Throwable exception) {
        if (database != null) {
            database.close();
        }
    }
}
