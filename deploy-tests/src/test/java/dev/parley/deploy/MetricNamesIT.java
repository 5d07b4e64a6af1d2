package dev.parley.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.parley.assignment.adapter.micrometer.AssignmentMeters;
import dev.parley.assignment.application.ConversationService.AssignOutcome;
import dev.parley.assignment.domain.Strategy;
import dev.parley.conversation.reports.application.SupportMeters;
import dev.parley.events.bus.EventBusMetrics;
import dev.parley.gateway.socket.application.GatewayMetrics;
import dev.parley.gateway.socket.application.Outgoing;
import dev.parley.testsupport.RealInfrastructure;
import dev.parley.testsupport.TestDatabase;
import dev.parley.testsupport.TestKafka;
import dev.parley.testsupport.TestRedis;
import dev.parley.testsupport.http.ActuatorProbe;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Every metric name the alert rules and the Grafana dashboard read, and every label they match on
 * or group by, is exported by a running service: conversation-service, a gateway and a worker,
 * started on real PostgreSQL, Redis and Kafka with actuator on its management port, scraped over
 * HTTP at {@code /actuator/prometheus}.
 * <p>
 * Micrometer registers some meters on first use only (a counter per frame type, a gauge per
 * department, a timer per inbox). Producing each through real traffic would need a whole support
 * scenario; instead each is touched once through the service's own meter class on the service's
 * own registry before scraping. So this proves the names as exported, not that traffic makes them.
 */
@RealInfrastructure
class MetricNamesIT {

    /** Series Prometheus makes itself rather than scraping them. */
    private static final Set<String> PROMETHEUS_OWN = Set.of("up");
    /** Labels Prometheus attaches to every scraped series from its target. */
    private static final Set<String> TARGET_LABELS = Set.of("instance", "job", "pod", "namespace");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"");

    @Test
    void everyMetricAndLabelTheAlertsAndTheDashboardReadIsExported(TestDatabase database, TestKafka kafka, TestRedis redis)
            throws Exception {
        try (var service = Services.conversationService(database, kafka);
             var gateway = Services.gateway(service, kafka, redis);
             var worker = Services.worker(service, kafka)) {
            var services = List.of(service, gateway, worker);
            touchMetersRegisteredOnFirstUse(service, gateway, worker);
            for (var context : services) {
                get(Services.port(context), "/no-such-page");
            }
            System.gc();

            Set<String> needed = new TreeSet<>(MonitoringQueries.metricNames());
            needed.removeAll(PROMETHEUS_OWN);
            await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
                Map<String, Set<String>> exported = new HashMap<>();
                services.forEach(context -> series(context).forEach((name, labels) ->
                        exported.computeIfAbsent(name, key -> new TreeSet<>()).addAll(labels)));
                Set<String> missing = new TreeSet<>(needed);
                missing.removeAll(exported.keySet());
                assertThat(missing).as("read by deploy/monitoring but exported by no service").isEmpty();
                assertThat(labelsNoMetricCarries(exported)).as("labels the queries use that their metrics lack").isEmpty();
            });
        }
    }

    private static void touchMetersRegisteredOnFirstUse(ConfigurableApplicationContext service,
                                                        ConfigurableApplicationContext gateway,
                                                        ConfigurableApplicationContext worker) {
        UUID department = UUID.randomUUID();
        var support = service.getBean(SupportMeters.class);
        support.firstResponse(department, UUID.randomUUID(), Duration.ofSeconds(40));
        support.resolved(department, UUID.randomUUID(), Duration.ofMinutes(7));
        for (var context : List.of(service, gateway, worker)) {
            var events = new EventBusMetrics(context.getBean(MeterRegistry.class));
            events.published("conversations", 1);
            events.handled("conversations", "deploy-tests");
            events.deadLettered("conversations", "deploy-tests", "handler_failed");
        }
        var frames = gateway.getBean(GatewayMetrics.class);
        frames.received("hello");
        frames.rejected("malformed");
        frames.written(new Outgoing("message.created", "{}".getBytes(java.nio.charset.StandardCharsets.UTF_8), Instant.now()));
        frames.readsMerged();
        var assignment = new AssignmentMeters(worker.getBean(MeterRegistry.class));
        assignment.attempted(Strategy.LEAST_BUSY, AssignOutcome.ASSIGNED);
        assignment.assigned(Strategy.LEAST_BUSY, Duration.ofSeconds(12));
        assignment.queueRead(department, 3, Duration.ofSeconds(45));
    }

    /** For each query, the labels it matches on or groups by that none of its metrics carries. */
    private static List<String> labelsNoMetricCarries(Map<String, Set<String>> exported) {
        List<String> lacking = new ArrayList<>();
        for (String expression : MonitoringQueries.expressions()) {
            Set<String> metrics = PromQl.metricNames(expression);
            metrics.removeAll(PROMETHEUS_OWN);
            Set<String> labels = PromQl.labelNames(expression);
            labels.removeAll(TARGET_LABELS);
            for (String label : labels) {
                if (!metrics.isEmpty() && metrics.stream().noneMatch(metric -> exported.getOrDefault(metric, Set.of()).contains(label))) {
                    lacking.add(label + " in " + expression);
                }
            }
        }
        return lacking;
    }

    /** Each series name in the service's scrape, with the label names its series carry. */
    private static Map<String, Set<String>> series(ConfigurableApplicationContext context) {
        var scrape = ActuatorProbe.onLocalPort(Services.managementPort(context)).prometheus();
        assertThat(scrape.status()).isEqualTo(200);
        Map<String, Set<String>> series = new HashMap<>();
        scrape.body().lines().filter(line -> !line.isBlank() && !line.startsWith("#")).forEach(line -> {
            String name = line.split("[{ ]", 2)[0];
            Set<String> labels = series.computeIfAbsent(name, key -> new TreeSet<>());
            int close = line.lastIndexOf('}');
            if (line.length() > name.length() && line.charAt(name.length()) == '{' && close > 0) {
                LABEL.matcher(line.substring(name.length(), close)).results().forEach(label -> labels.add(label.group(1)));
            }
        });
        return series;
    }

    private static void get(int port, String path) throws IOException, InterruptedException {
        HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.discarding());
    }
}
