package dev.parley.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * Every object of every overlay of deploy/k8s, rendered with kubectl kustomize, is valid for the
 * Kubernetes API and carries what issue 8 asks of it.
 */
class KubernetesManifestsTest {

    static final List<String> OVERLAYS = Kustomize.OVERLAYS;
    private static final List<String> SERVICES = List.of("conversation-service", "chat-gateway", "assignment-worker");

    @TempDir
    Path scratch;

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void everyObjectIsValidForTheKubernetesApi(String overlay) {
        var objects = Kustomize.render(overlay, scratch);

        assertThat(objects).hasSizeGreaterThan(10);
        assertThat(objects.stream().flatMap(object -> KubernetesObjects.problems(object).stream())).isEmpty();
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void everyServiceProbesTheActuatorGroupsAndHasRequestsAndLimits(String overlay) {
        var manifests = new Manifests(Kustomize.render(overlay, scratch));

        for (String service : SERVICES) {
            var container = manifests.container(service);
            assertThat(manifests.at(container, "startupProbe.httpGet.path")).as(service).isEqualTo("/actuator/health/liveness");
            assertThat(manifests.at(container, "livenessProbe.httpGet.path")).as(service).isEqualTo("/actuator/health/liveness");
            assertThat(manifests.at(container, "readinessProbe.httpGet.path")).as(service).isEqualTo("/actuator/health/readiness");
            assertThat(manifests.at(container, "readinessProbe.httpGet.port")).as(service).isEqualTo("management");
            for (String resource : List.of("requests.cpu", "requests.memory", "limits.memory")) {
                assertThat(manifests.at(container, "resources." + resource)).as(service + " " + resource).isNotNull();
            }
            assertThat(manifests.at(container, "securityContext.allowPrivilegeEscalation")).isEqualTo(false);
            assertThat(manifests.at(manifests.deployment(service), "spec.template.spec.securityContext.runAsNonRoot"))
                    .isEqualTo(true);
        }
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void gatewaysGetTimeToDrainAndAreScaledAndProtectedAsOneGroup(String overlay) {
        var manifests = new Manifests(Kustomize.render(overlay, scratch));

        // parley.gateway.shutdown-timeout defaults to 30 s; the preStop pause and Spring's other
        // phases come on top of it.
        int grace = (Integer) manifests.at(manifests.deployment("chat-gateway"), "spec.template.spec.terminationGracePeriodSeconds");
        assertThat(grace).isGreaterThanOrEqualTo(45);
        assertThat(manifests.at(manifests.one("HorizontalPodAutoscaler", "chat-gateway"), "spec.scaleTargetRef.name"))
                .isEqualTo("chat-gateway");
        assertThat(manifests.at(manifests.one("PodDisruptionBudget", "chat-gateway"), "spec.selector.matchLabels"))
                .isEqualTo(manifests.at(manifests.deployment("chat-gateway"), "spec.selector.matchLabels"));
        assertThat(manifests.at(manifests.container("chat-gateway"), "env"))
                .asString().contains("PARLEY_GATEWAY_NODEID").contains("metadata.name");
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void theIngressRoutesLikeTheComposeEdgeAndKeepsInternalPathsOff(String overlay) {
        var manifests = new Manifests(Kustomize.render(overlay, scratch));
        var ingress = manifests.one("Ingress", "parley");

        @SuppressWarnings("unchecked")
        var paths = (List<Map<String, Object>>) manifests.at(ingress, "spec.rules[0].http.paths");
        Map<String, Object> routes = paths.stream().collect(Collectors.toMap(
                path -> (String) path.get("path"), path -> manifests.at(path, "backend.service.name")));
        assertThat(routes).containsExactlyInAnyOrderEntriesOf(Map.of(
                "/api", "conversation-service", "/ws", "chat-gateway", "/", "chat-gateway"));
        assertThat(manifests.at(ingress, "metadata.annotations"))
                .asString().contains("proxy-read-timeout=3600").contains("proxy-send-timeout=3600");
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void networkPoliciesDenyByDefaultAndServiceMonitorsUseTheManagementPort(String overlay) {
        var manifests = new Manifests(Kustomize.render(overlay, scratch));

        assertThat(manifests.at(manifests.one("NetworkPolicy", "parley-default-deny"), "spec.podSelector")).isEqualTo(Map.of());
        for (String service : SERVICES) {
            assertThat(manifests.one("NetworkPolicy", service)).as(service).isNotNull();
            assertThat(manifests.at(manifests.one("Service", service), "spec.ports")).asString().contains("name=management");
        }
        assertThat(manifests.at(manifests.one("ServiceMonitor", "parley"), "spec.endpoints[0]"))
                .isEqualTo(Map.of("port", "management", "path", "/actuator/prometheus", "interval", "15s"));
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void secretsComeFromAGitIgnoredFileWhoseExampleHoldsNoValues(String overlay) {
        var example = Repository.read("deploy/k8s/overlays/" + overlay + "/secrets.env.example");

        assertThat(example.lines().filter(line -> !line.isBlank() && !line.startsWith("#")))
                .allSatisfy(line -> assertThat(line).endsWith("="));
        assertThat(Repository.read(".gitignore")).contains("deploy/k8s/overlays/*/secrets.env");
        var manifests = new Manifests(Kustomize.render(overlay, scratch));
        assertThat(manifests.byKind("Secret")).singleElement()
                .satisfies(secret -> assertThat(manifests.at(secret, "metadata.name")).asString().startsWith("parley-secrets-"));
    }

    /**
     * Issue 15, defect 5: topics took the broker's default replication factor, and the outbox
     * leader's PostgreSQL session had no keepalive short enough to notice a vanished peer.
     */
    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void topicsAreReplicatedAsTheOverlaySaysAndTheServiceNoticesADeadDatabaseSoon(String overlay) {
        var manifests = new Manifests(Kustomize.render(overlay, scratch));

        assertThat(manifests.at(config(manifests), "data.PARLEY_EVENTS_KAFKA_REPLICATIONFACTOR"))
                .isEqualTo(overlay.equals("prod") ? "3" : "1");
        assertThat(manifests.at(manifests.deployment("conversation-service"), "spec.template.spec.securityContext.sysctls"))
                .asString().contains("name=net.ipv4.tcp_keepalive_time, value=60");
    }

    /** Issue 15, defect 3: behind the ingress every visitor counted as the ingress. */
    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void servicesCountTheClientTheIngressNames(String overlay) {
        var manifests = new Manifests(Kustomize.render(overlay, scratch));

        assertThat(manifests.at(config(manifests), "data.PARLEY_CLIENTADDRESS_HEADER")).isEqualTo("X-Forwarded-For");
        assertThat(manifests.at(config(manifests), "data.PARLEY_CLIENTADDRESS_TRUSTEDPROXIES")).asString().isNotBlank();
    }

    /**
     * Issue 15, defect 7: only the gateways had a PodDisruptionBudget, and the gateway HPA scaled on
     * JVM memory, which a heap sized to its limit keeps high whatever the load.
     */
    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void everyServiceHasADisruptionBudgetAndGatewaysScaleOnCpuAndSockets(String overlay) {
        var manifests = new Manifests(Kustomize.render(overlay, scratch));

        for (String service : SERVICES) {
            assertThat(manifests.at(manifests.one("PodDisruptionBudget", service), "spec.selector.matchLabels")).as(service)
                    .isEqualTo(manifests.at(manifests.deployment(service), "spec.selector.matchLabels"));
        }
        var hpa = manifests.one("HorizontalPodAutoscaler", "chat-gateway");
        assertThat(manifests.at(hpa, "spec.metrics")).asString()
                .contains("name=cpu").contains("parley_gateway_sockets").doesNotContain("name=memory");
    }

    /**
     * Issue 15, defect 7: attachments went to a directory on the pod's read-only root file system,
     * so every upload failed. Production keeps them on S3; the one-pod dev overlay on a volume.
     */
    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void attachmentsGoToAStoreEveryReplicaShares(String overlay) {
        var manifests = new Manifests(Kustomize.render(overlay, scratch));
        var data = config(manifests);

        if (overlay.equals("prod")) {
            assertThat(manifests.at(data, "data.PARLEY_ATTACHMENTS_STORE")).isEqualTo("s3");
            assertThat(manifests.at(data, "data.PARLEY_ATTACHMENTS_S3_ENDPOINT")).asString().isNotBlank();
        } else {
            assertThat(manifests.at(data, "data.PARLEY_ATTACHMENTS_STORE")).isEqualTo("filesystem");
            String directory = (String) manifests.at(data, "data.PARLEY_ATTACHMENTS_DIRECTORY");
            assertThat(manifests.at(manifests.container("conversation-service"), "volumeMounts")).asString()
                    .contains("mountPath=" + directory);
            assertThat(manifests.one("PersistentVolumeClaim", "parley-attachments")).isNotNull();
        }
    }

    private static Map<String, Object> config(Manifests manifests) {
        return manifests.byKind("ConfigMap").stream()
                .filter(map -> String.valueOf(manifests.at(map, "metadata.name")).startsWith("parley-config-"))
                .findFirst().orElseThrow();
    }
}
