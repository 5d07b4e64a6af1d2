package dev.parley.standalone.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

class StandaloneSettingsTest {

    @Test
    void gatewayAndWorkerCallTheServiceOnTheProcessOwnPort() {
        var environment = settled(Map.of("server.port", "9090"));

        assertThat(environment.getProperty("parley.gateway.conversation-service")).isEqualTo("http://127.0.0.1:9090");
        assertThat(environment.getProperty("parley.assignment.conversation-service-url")).isEqualTo("http://127.0.0.1:9090");
    }

    @Test
    void aRandomPortIsPinnedBeforeTheUrlsAreDerivedFromIt() {
        var environment = settled(Map.of("server.port", "0"));

        int port = environment.getProperty("server.port", Integer.class);
        assertThat(port).isPositive();
        assertThat(environment.getProperty("parley.gateway.conversation-service")).isEqualTo("http://127.0.0.1:" + port);
        assertThat(PortReservation.held(port)).as("held until the web server binds it").isTrue();

        var reservation = new PortReservation(port);
        reservation.start();
        assertThat(PortReservation.held(port)).isFalse();
    }

    @Test
    void bothSidesOfTheWorkerGetOneLongRandomSecret() {
        var environment = settled(Map.of());
        var other = settled(Map.of());

        String secret = environment.getProperty("parley.identity.services.assignment-worker.secret");
        assertThat(secret).hasSizeGreaterThanOrEqualTo(32)
                .isEqualTo(environment.getProperty("parley.assignment.client-secret"))
                .isNotEqualTo(other.getProperty("parley.assignment.client-secret"));
        assertThat(environment.getProperty("parley.assignment.client-id")).isEqualTo("assignment-worker");
    }

    @Test
    void theDatabaseUrlSetsBothDriversWithOrWithoutItsJdbcPrefix() {
        for (String url : new String[] {"postgresql://db:5433/chat", "jdbc:postgresql://db:5433/chat"}) {
            var environment = settled(Map.of("PARLEY_DB_URL", url, "spring.r2dbc.url", "r2dbc:postgresql://127.0.0.1/parley"));

            assertThat(environment.getProperty("spring.r2dbc.url")).isEqualTo("r2dbc:postgresql://db:5433/chat");
            assertThat(environment.getProperty("spring.flyway.url")).isEqualTo("jdbc:postgresql://db:5433/chat");
        }
    }

    @Test
    void anEmbeddedDatabaseRunsUnlessADatabaseIsGiven() {
        assertThat(StandaloneSettings.externalDatabase(settled(Map.of()))).isFalse();
        assertThat(StandaloneSettings.externalDatabase(settled(Map.of("PARLEY_DB_URL", "postgresql://db:5432/parley"))))
                .isTrue();
    }

    @Test
    void uploadsGoToTheDataDirectoryUnlessTheirDirectoryIsSet() {
        assertThat(settled(Map.of("PARLEY_DATA_DIR", "/srv/parley")).getProperty("parley.attachments.directory"))
                .isEqualTo("/srv/parley/attachments");
        assertThat(settled(Map.of()).getProperty("parley.attachments.directory"))
                .isEqualTo(Path.of(System.getProperty("user.home"), ".parley", "attachments").toString());
        assertThat(settled(Map.of("PARLEY_DATA_DIR", "/srv/parley", "parley.attachments.directory", "/mnt/files"))
                .getProperty("parley.attachments.directory")).isEqualTo("/mnt/files");
    }

    @Test
    void explicitSettingsWinOverDerivedOnes() {
        var environment = settled(Map.of("parley.gateway.conversation-service", "http://elsewhere:8081"));

        assertThat(environment.getProperty("parley.gateway.conversation-service")).isEqualTo("http://elsewhere:8081");
    }

    private static StandardEnvironment settled(Map<String, Object> given) {
        var environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("given", new HashMap<>(given)));
        new StandaloneSettings().postProcessEnvironment(environment, new SpringApplication());
        return environment;
    }
}
