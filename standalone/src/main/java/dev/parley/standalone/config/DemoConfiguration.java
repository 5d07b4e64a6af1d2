package dev.parley.standalone.config;

import dev.parley.conversation.directory.application.AdministeringDirectory;
import dev.parley.conversation.faq.application.FaqStore;
import dev.parley.conversation.faq.application.ManagingFaq;
import dev.parley.conversation.identity.application.SettingPassword;
import dev.parley.standalone.database.DataDirectory;
import dev.parley.standalone.database.EmbeddedDatabase;
import dev.parley.standalone.demo.DemoData;
import dev.parley.standalone.demo.SeededDemo;
import dev.parley.standalone.demo.SeedingDemo;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * The demo data (on by default, {@code parley.standalone.demo.enabled}) and the start report that
 * tells a newcomer where to go and how to log in.
 */
@Configuration(proxyBeanMethods = false)
public class DemoConfiguration {

    /** A fresh database migrates and seeds in well under this; longer means something hangs. */
    private static final Duration SEED_TIMEOUT = Duration.ofSeconds(60);

    /** Filled once the demo is seeded: the demo page asks it for its inbox key. */
    @Bean
    SeededDemo seededDemo() {
        return new SeededDemo();
    }

    @Bean
    SeedingDemo seedingDemo(AdministeringDirectory directory, FaqStore faqStore, SettingPassword settingPassword,
                            Clock clock) {
        return new SeedingDemo(directory, new ManagingFaq(faqStore, clock), settingPassword);
    }

    /**
     * After the identity start-up (signing keys, first admin), with the server listening, so the
     * printed URL already answers.
     */
    @Bean
    @Order(Ordered.LOWEST_PRECEDENCE)
    ApplicationRunner demoStart(StandaloneProperties properties, SeedingDemo seeding, SeededDemo seededDemo,
                                WebServerApplicationContext context, Environment environment,
                                ObjectProvider<EmbeddedDatabase> embedded) {
        return arguments -> {
            int port = context.getWebServer().getPort();
            String url = publicUrl(properties, port);
            Optional<DemoData> demo = Optional.empty();
            if (properties.demo().enabled()) {
                demo = Optional.of(seeding.seed(origins(properties, url, port)).block(SEED_TIMEOUT));
                seededDemo.set(demo.get());
            }
            StartReport.print(url, demo, storage(environment, embedded.getIfAvailable()));
        };
    }

    /**
     * {@code GET /demo.json}: the demo inbox's public key, which is generated with the inbox, so the
     * demo page (web's {@code /index.html}) can embed the widget without a build step. The key is
     * public anyway: every page embedding the widget shows it.
     */
    @Bean
    RouterFunction<ServerResponse> demoInboxRoute(SeededDemo seededDemo) {
        return RouterFunctions.route()
                .GET("/demo.json", request -> seededDemo.get()
                        .map(demo -> ServerResponse.ok().bodyValue(Map.of("inboxKey", demo.inboxKey(), "consoleUrl", "/console")))
                        .orElseGet(() -> ServerResponse.status(HttpStatus.SERVICE_UNAVAILABLE).build()))
                .build();
    }

    private static StartReport.Storage storage(Environment environment, EmbeddedDatabase embedded) {
        if (embedded != null) {
            return new StartReport.Storage(embedded.directory().root(), true, "127.0.0.1:" + embedded.port());
        }
        // Without the credentials a URL may carry: the log is not the place for them.
        String url = environment.getProperty(StandaloneSettings.DATABASE_URL, "")
                .replaceFirst("//[^/@]*@", "//").replaceAll("(?i)(password=)[^&]*", "$1***");
        return new StartReport.Storage(DataDirectory.from(environment::getProperty).root(), false, url);
    }

    private static String publicUrl(StandaloneProperties properties, int port) {
        String configured = properties.demo().publicUrl().strip();
        return configured.isEmpty() ? "http://localhost:" + port : configured.replaceAll("/+$", "");
    }

    /** The app's own origin under both names a browser on this machine may use, and the configured ones. */
    private static List<String> origins(StandaloneProperties properties, String url, int port) {
        var origins = new LinkedHashSet<String>();
        origins.add(url);
        origins.add("http://localhost:" + port);
        origins.add("http://127.0.0.1:" + port);
        origins.addAll(properties.demo().allowedOrigins());
        return new ArrayList<>(origins);
    }
}
