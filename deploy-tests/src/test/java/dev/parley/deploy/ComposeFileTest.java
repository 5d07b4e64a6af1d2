package dev.parley.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** docker-compose.yml is a valid Compose file that starts the suite in order behind one edge. */
class ComposeFileTest {

    private static final Pattern LOCATION = Pattern.compile("location\\s+(\\S+)\\s*\\{([^}]*)}");
    private static final Pattern UPSTREAM = Pattern.compile("upstream\\s+(\\S+)\\s*\\{([^}]*)}");
    private static final Pattern SERVER = Pattern.compile("server\\s+([\\w.-]+):(\\d+)");

    private final Map<String, Object> compose = Yaml.map(Repository.read("docker-compose.yml"));

    @Test
    void matchesTheComposeSpecification() {
        assertThat(ComposeSpecification.problems(compose)).isEmpty();
    }

    @Test
    void startsInOrderWithHealthChecksAndPublishesOnlyTheEdgeAndTheDashboards() {
        assertThat(ComposeChecks.problems(compose)).isEmpty();
        assertThat(services().keySet()).contains("postgres", "redis", "kafka", "conversation-service",
                "gateway-1", "gateway-2", "assignment-worker", "edge", "prometheus", "grafana");
    }

    /** Issue 15, defect 3: behind the edge every visitor counted as the edge for per-address limits. */
    @Test
    @SuppressWarnings("unchecked")
    void theServicesCountTheClientTheEdgeNamesNotTheEdge() {
        for (String service : List.of("conversation-service", "gateway-1", "gateway-2")) {
            var environment = (Map<String, Object>) ((Map<String, Object>) services().get(service)).get("environment");

            assertThat(environment).as(service).containsEntry("PARLEY_CLIENTADDRESS_HEADER", "X-Forwarded-For")
                    .containsKey("PARLEY_CLIENTADDRESS_TRUSTEDPROXIES");
        }
        String edge = Repository.read("deploy/compose/nginx.conf");
        assertThat(edge).contains("proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;");
        // nginx: a location that sets any proxy_set_header inherits none, so /ws must set it itself
        String sockets = edge.substring(edge.indexOf("location /ws"), edge.indexOf('}', edge.indexOf("location /ws")));
        assertThat(sockets).contains("proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;")
                .contains("proxy_set_header Host $host;");
    }

    @Test
    void aMisspeltKeyAndAMissingDependencyAreCaught() {
        var broken = Yaml.map(fixture("broken-compose.yml"));

        assertThat(ComposeSpecification.problems(broken)).singleElement().asString().contains("healthchek");
        assertThat(ComposeChecks.problems(broken)).containsExactlyInAnyOrder(
                "api: no healthcheck",
                "api: publishes ports; only [edge, prometheus, grafana] may",
                "api: depends on database, which is no service");
    }

    @Test
    void theEdgeRoutesApiToTheConversationServiceAndSocketsAndStaticFilesToBothGateways() {
        String nginx = Repository.read("deploy/compose/nginx.conf");
        Map<String, String> locations = blocks(LOCATION, nginx);
        Map<String, Set<String>> upstreams = blocks(UPSTREAM, nginx).entrySet().stream().collect(Collectors.toMap(
                Map.Entry::getKey, entry -> SERVER.matcher(entry.getValue()).results()
                        .map(server -> server.group(1) + ":" + server.group(2)).collect(Collectors.toSet())));

        assertThat(upstreams.get(upstreamOf(locations.get("/api/")))).containsExactly("conversation-service:8081");
        assertThat(upstreams.get(upstreamOf(locations.get("/ws")))).containsExactlyInAnyOrder("gateway-1:8080", "gateway-2:8080");
        assertThat(upstreams.get(upstreamOf(locations.get("/")))).containsExactlyInAnyOrder("gateway-1:8080", "gateway-2:8080");
        assertThat(locations.get("/ws")).contains("proxy_set_header Upgrade $http_upgrade").contains("proxy_read_timeout 3600s");
        assertThat(locations.get("/internal")).contains("return 404");
        assertThat(locations.get("/actuator")).contains("return 404");
        upstreams.values().stream().flatMap(Set::stream).map(server -> server.substring(0, server.indexOf(':')))
                .forEach(host -> assertThat(services()).containsKey(host));
    }

    @Test
    void prometheusScrapesEveryParleyContainerOnItsManagementPort() {
        var prometheus = Yaml.map(Repository.read("deploy/monitoring/prometheus/prometheus.yml"));
        Set<String> targets = Pattern.compile("targets=\\[([^]]*)]").matcher(prometheus.get("scrape_configs").toString())
                .results().flatMap(match -> List.of(match.group(1).split(",\\s*")).stream()).collect(Collectors.toSet());

        services().forEach((name, service) -> {
            if (String.valueOf(service.get("image")).startsWith("parley/")) {
                assertThat(targets).as(name).contains(name + ":9090");
                assertThat(environment(service)).as(name).containsEntry("MANAGEMENT_SERVER_PORT", 9090);
            }
        });
    }

    @Test
    void everyFileMountedFromTheRepositoryExists() {
        services().forEach((name, service) -> {
            var volumes = service.get("volumes") instanceof List<?> list ? list : List.of();
            volumes.stream().map(String::valueOf).filter(volume -> volume.startsWith("./"))
                    .map(volume -> volume.substring(2, volume.indexOf(':')))
                    .forEach(source -> assertThat(Files.exists(Repository.file(source))).as(name + " mounts " + source).isTrue());
        });
    }

    @SuppressWarnings("unchecked")
    private Map<String, Map<String, Object>> services() {
        return (Map<String, Map<String, Object>>) compose.get("services");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> environment(Map<String, Object> service) {
        return (Map<String, Object>) service.get("environment");
    }

    private static Map<String, String> blocks(Pattern pattern, String text) {
        return pattern.matcher(text).results().collect(Collectors.toMap(match -> match.group(1), match -> match.group(2)));
    }

    private static String upstreamOf(String location) {
        Matcher pass = Pattern.compile("proxy_pass\\s+http://([\\w-]+)").matcher(location);
        assertThat(pass.find()).as("proxy_pass in " + location).isTrue();
        return pass.group(1);
    }

    private static String fixture(String name) {
        try (InputStream in = ComposeFileTest.class.getResourceAsStream("/fixtures/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
