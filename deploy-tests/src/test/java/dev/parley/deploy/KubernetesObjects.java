package dev.parley.deploy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.openshift.api.model.monitoring.v1.PrometheusRule;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Checks Kubernetes objects against the API's types: fabric8's model, generated from the
 * Kubernetes OpenAPI schema (and the Prometheus Operator's CRDs). A value of the wrong type fails
 * to bind; a field the type does not have, which the model would keep aside as an "additional
 * property", is reported, so a misspelt field name fails as {@code kubectl apply --validate=strict}
 * would. Only the kinds Parley ships are known; any other kind is reported too.
 */
final class KubernetesObjects {

    private static final Map<String, Class<?>> TYPES = Map.ofEntries(
            Map.entry("v1/Namespace", Namespace.class),
            Map.entry("v1/ConfigMap", ConfigMap.class),
            Map.entry("v1/Secret", Secret.class),
            Map.entry("v1/PersistentVolumeClaim", io.fabric8.kubernetes.api.model.PersistentVolumeClaim.class),
            Map.entry("v1/Service", Service.class),
            Map.entry("apps/v1/Deployment", Deployment.class),
            Map.entry("policy/v1/PodDisruptionBudget", PodDisruptionBudget.class),
            Map.entry("autoscaling/v2/HorizontalPodAutoscaler", HorizontalPodAutoscaler.class),
            Map.entry("networking.k8s.io/v1/Ingress", Ingress.class),
            Map.entry("networking.k8s.io/v1/NetworkPolicy", NetworkPolicy.class),
            Map.entry("monitoring.coreos.com/v1/ServiceMonitor", ServiceMonitor.class),
            Map.entry("monitoring.coreos.com/v1/PrometheusRule", PrometheusRule.class));

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY);

    private KubernetesObjects() {
    }

    /** What is wrong with {@code object}, each as "Kind/name: path: problem"; empty when nothing is. */
    static List<String> problems(Map<String, Object> object) {
        String kind = String.valueOf(object.get("kind"));
        String apiVersion = String.valueOf(object.get("apiVersion"));
        String name = object.get("metadata") instanceof Map<?, ?> metadata ? String.valueOf(metadata.get("name")) : "?";
        String where = kind + "/" + name;
        Class<?> type = TYPES.get(apiVersion + "/" + kind);
        if (type == null) {
            return List.of(where + ": no known API type for apiVersion " + apiVersion + ", kind " + kind);
        }
        Object typed;
        try {
            typed = MAPPER.convertValue(object, type);
        } catch (IllegalArgumentException e) {
            return List.of(where + ": " + e.getMessage());
        }
        List<String> problems = new ArrayList<>();
        walk(typed, "", where, problems);
        return problems;
    }

    private static void walk(Object value, String path, String where, List<String> problems) {
        if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                walk(list.get(i), path + "[" + i + "]", where, problems);
            }
        } else if (value instanceof Map<?, ?> map) {
            map.forEach((key, element) -> walk(element, path + "." + key, where, problems));
        } else if (value != null && value.getClass().getName().startsWith("io.fabric8.")) {
            for (Method getter : getters(value.getClass())) {
                Object property = invoke(getter, value);
                if (getter.getName().equals("getAdditionalProperties")) {
                    if (property instanceof Map<?, ?> unknown) {
                        unknown.keySet().forEach(key -> problems.add(where + ": " + path + "." + key
                                + ": unknown field (not in " + value.getClass().getSimpleName() + ")"));
                    }
                } else {
                    walk(property, path + "." + propertyName(getter), where, problems);
                }
            }
        }
    }

    private static List<Method> getters(Class<?> type) {
        List<Method> getters = new ArrayList<>();
        for (Method method : type.getMethods()) {
            boolean getter = method.getName().startsWith("get") && !method.getName().equals("getClass");
            if (getter && method.getParameterCount() == 0 && !Modifier.isStatic(method.getModifiers())) {
                getters.add(method);
            }
        }
        return getters;
    }

    private static Object invoke(Method getter, Object target) {
        try {
            return getter.invoke(target);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException(getter + " failed", e);
        }
    }

    private static String propertyName(Method getter) {
        String name = getter.getName().substring(3);
        return Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }
}
