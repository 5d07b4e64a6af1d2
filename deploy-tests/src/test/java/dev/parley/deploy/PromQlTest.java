package dev.parley.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import java.util.stream.Stream;

class PromQlTest {

    static Stream<Arguments> expressions() {
        return Stream.of(
                Arguments.of("plain_gauge > 60", Set.of("plain_gauge")),
                Arguments.of("histogram_quantile(0.99, sum by (le) (rate(latency_seconds_bucket[5m])))",
                        Set.of("latency_seconds_bucket")),
                Arguments.of("sum by (node) (rate(a_total{reason!~\"rate_limited|x\"}[5m])) / sum by (node) (rate(b_total[$__rate_interval]))",
                        Set.of("a_total", "b_total")),
                Arguments.of("max(q_length) > 0 and sum(increase(assigned_total{outcome=\"assigned\"}[15m])) == 0",
                        Set.of("q_length", "assigned_total")),
                Arguments.of("up{job=~\"a|b\"} == 0", Set.of("up")),
                Arguments.of("x_used / on (instance) group_left (pool) y_max offset 5m > 1e3 bool",
                        Set.of("x_used", "y_max")),
                Arguments.of("rate (spaced_total [1m])", Set.of("spaced_total")));
    }

    static Stream<Arguments> labels() {
        return Stream.of(
                Arguments.of("plain_gauge > 60", Set.of()),
                Arguments.of("sum by (le) (rate(latency_seconds_bucket[5m]))", Set.of("le")),
                Arguments.of("sum by (application, client_id) (lag{reason!~\"a|b\", uri=\"/x{y}\"})",
                        Set.of("application", "client_id", "reason", "uri")),
                Arguments.of("x / on (instance) group_left (pool) y", Set.of("instance", "pool")));
    }

    @ParameterizedTest
    @MethodSource("labels")
    void findsTheLabelNamesItMatchesOrGroupsBy(String expression, Set<String> names) {
        assertThat(PromQl.labelNames(expression)).isEqualTo(names);
    }

    @ParameterizedTest
    @MethodSource("expressions")
    void findsTheMetricNamesAndNothingElse(String expression, Set<String> names) {
        assertThat(PromQl.metricNames(expression)).isEqualTo(names);
    }
}
