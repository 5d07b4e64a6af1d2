package dev.parley.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The alert rules are the same for compose and the Operator, and each tells an operator what to do. */
class AlertRulesTest {

    @Test
    void thePrometheusRuleHoldsExactlyTheComposeRules() {
        var plain = Yaml.map(Repository.read("deploy/monitoring/prometheus/rules.yml"));
        var operator = Yaml.map(Repository.read("deploy/monitoring/prometheus-rule.yaml"));

        assertThat(operator.get("spec")).isEqualTo(plain);
    }

    @Test
    void everyAlertHasASeverityASummaryAndARunbookSectionInOperations() {
        String operations = Repository.read("docs/operations.md");

        assertThat(MonitoringQueries.rules()).hasSizeGreaterThanOrEqualTo(10).allSatisfy(rule -> {
            String alert = (String) rule.get("alert");
            assertThat(((Map<?, ?>) rule.get("labels")).get("severity")).as(alert).isIn("warning", "critical");
            var annotations = (Map<?, ?>) rule.get("annotations");
            assertThat(annotations.get("summary")).as(alert).isNotNull();
            assertThat(annotations.get("runbook")).as(alert).isEqualTo("docs/operations.md#" + alert.toLowerCase());
            assertThat(operations).as("a section on " + alert).contains("\n#### " + alert + "\n");
        });
    }

    @Test
    void everyQueryReadsAtLeastOneMetric() {
        List<String> expressions = MonitoringQueries.expressions();

        assertThat(expressions).hasSizeGreaterThan(30)
                .allSatisfy(expression -> assertThat(PromQl.metricNames(expression)).as(expression).isNotEmpty());
    }
}
