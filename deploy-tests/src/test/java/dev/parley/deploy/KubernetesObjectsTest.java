package dev.parley.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The manifest check itself: what it must reject, so a green KubernetesManifestsTest means something. */
class KubernetesObjectsTest {

    @Test
    void aWellFormedDeploymentPasses() {
        var deployment = Yaml.documents(fixture("valid-deployment.yaml")).get(0);

        assertThat(KubernetesObjects.problems(deployment)).isEmpty();
    }

    @Test
    void aMisspeltFieldNameIsRejectedWithItsPath() {
        var deployment = Yaml.documents(fixture("broken-deployment.yaml")).get(0);

        assertThat(KubernetesObjects.problems(deployment)).containsExactlyInAnyOrder(
                "Deployment/broken: .spec.replicass: unknown field (not in DeploymentSpec)",
                "Deployment/broken: .spec.template.spec.containers[0].readinessProbe.httpGet.paht: unknown field (not in HTTPGetAction)");
    }

    @Test
    void aValueOfTheWrongTypeIsRejected() {
        var service = Yaml.map("""
                apiVersion: v1
                kind: Service
                metadata: {name: typed}
                spec:
                  ports:
                    - port: [8080]
                """);

        assertThat(KubernetesObjects.problems(service)).singleElement().asString().startsWith("Service/typed: ");
    }

    @Test
    void aKindOrApiVersionOutsideTheKnownTypesIsRejected() {
        var oldAutoscaler = Yaml.map("""
                apiVersion: autoscaling/v1
                kind: HorizontalPodAutoscaler
                metadata: {name: old}
                """);

        assertThat(KubernetesObjects.problems(oldAutoscaler))
                .isEqualTo(List.of("HorizontalPodAutoscaler/old: no known API type for apiVersion autoscaling/v1, kind HorizontalPodAutoscaler"));
    }

    private static String fixture(String name) {
        try (InputStream in = KubernetesObjectsTest.class.getResourceAsStream("/fixtures/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("fixture " + name, e);
        }
    }
}
