package dev.parley.standalone.config;

import io.r2dbc.spi.ConnectionFactory;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;

/**
 * Makes the database's users depend on the embedded server's bean: Spring destroys a bean's
 * dependents before the bean, so the connection pool (and with it everything holding a connection:
 * stores, the outbox relay's lease and listener, the health check) is closed before the server stops.
 */
final class DatabaseOutlivesItsUsers implements BeanFactoryPostProcessor {

    private static final List<Class<?>> USERS = List.of(ConnectionFactory.class, Flyway.class);

    private final String server;

    DatabaseOutlivesItsUsers(String server) {
        this.server = server;
    }

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        for (Class<?> type : USERS) {
            for (String name : beanFactory.getBeanNamesForType(type, true, false)) {
                BeanDefinition definition = beanFactory.getBeanDefinition(name);
                String[] dependsOn = definition.getDependsOn() == null ? new String[0] : definition.getDependsOn();
                if (!Arrays.asList(dependsOn).contains(server)) {
                    definition.setDependsOn(Stream.concat(Arrays.stream(dependsOn), Stream.of(server)).toArray(String[]::new));
                }
            }
        }
    }
}
