package dev.parley.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Every PromQL expression Parley ships: the alert rules and the Grafana dashboard's panels. */
final class MonitoringQueries {

    private MonitoringQueries() {
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> rules() {
        var groups = (List<Map<String, Object>>) Yaml.map(Repository.read("deploy/monitoring/prometheus/rules.yml")).get("groups");
        return groups.stream().flatMap(group -> ((List<Map<String, Object>>) group.get("rules")).stream()).toList();
    }

    static List<String> expressions() {
        List<String> expressions = new ArrayList<>();
        rules().forEach(rule -> expressions.add((String) rule.get("expr")));
        collectExpr(dashboard(), expressions);
        return expressions;
    }

    static Set<String> metricNames() {
        Set<String> names = new TreeSet<>();
        expressions().forEach(expression -> names.addAll(PromQl.metricNames(expression)));
        return names;
    }

    static JsonNode dashboard() {
        try {
            return new ObjectMapper().readTree(Repository.read("deploy/monitoring/grafana/dashboards/parley.json"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void collectExpr(JsonNode node, List<String> expressions) {
        if (node.isObject()) {
            node.properties().forEach(field -> {
                if (field.getKey().equals("expr") && field.getValue().isTextual()) {
                    expressions.add(field.getValue().asText());
                } else {
                    collectExpr(field.getValue(), expressions);
                }
            });
        } else if (node.isArray()) {
            node.forEach(element -> collectExpr(element, expressions));
        }
    }
}
