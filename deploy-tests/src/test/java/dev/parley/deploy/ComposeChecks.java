package dev.parley.deploy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What {@code docker compose up} needs beyond the schema: every service has a health check, every
 * {@code depends_on} names a service (one waited for as healthy has a health check), and only the
 * edge proxy, Prometheus and Grafana publish ports.
 */
final class ComposeChecks {

    static final List<String> PUBLISHED = List.of("edge", "prometheus", "grafana");

    private ComposeChecks() {
    }

    @SuppressWarnings("unchecked")
    static List<String> problems(Map<String, Object> compose) {
        var services = (Map<String, Map<String, Object>>) compose.get("services");
        List<String> problems = new ArrayList<>();
        services.forEach((name, service) -> {
            if (!(service.get("healthcheck") instanceof Map<?, ?> check) || check.get("test") == null) {
                problems.add(name + ": no healthcheck");
            }
            if (service.containsKey("ports") && !PUBLISHED.contains(name)) {
                problems.add(name + ": publishes ports; only " + PUBLISHED + " may");
            }
            var dependencies = service.get("depends_on") instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.<String, Object>of();
            dependencies.forEach((dependency, condition) -> {
                var target = services.get(dependency);
                if (target == null) {
                    problems.add(name + ": depends on " + dependency + ", which is no service");
                } else if (String.valueOf(condition).contains("service_healthy") && !target.containsKey("healthcheck")) {
                    problems.add(name + ": waits for " + dependency + " to be healthy, which has no healthcheck");
                }
            });
        });
        return problems;
    }
}
