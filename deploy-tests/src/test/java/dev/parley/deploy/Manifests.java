package dev.parley.deploy;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Rendered Kubernetes objects, looked up by kind and name, read by dotted path. */
final class Manifests {

    private static final Pattern STEP = Pattern.compile("([^.\\[]+)(?:\\[(\\d+)])?");

    private final List<Map<String, Object>> objects;

    Manifests(List<Map<String, Object>> objects) {
        this.objects = objects;
    }

    List<Map<String, Object>> byKind(String kind) {
        return objects.stream().filter(object -> kind.equals(object.get("kind"))).toList();
    }

    Map<String, Object> one(String kind, String name) {
        return byKind(kind).stream().filter(object -> name.equals(at(object, "metadata.name"))).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " named " + name));
    }

    Map<String, Object> deployment(String name) {
        return one("Deployment", name);
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> container(String deployment) {
        return (Map<String, Object>) at(deployment(deployment), "spec.template.spec.containers[0]");
    }

    /** The value at a path such as {@code spec.rules[0].host}; null when any step is missing. */
    Object at(Map<String, Object> object, String path) {
        Object current = object;
        Matcher step = STEP.matcher(path);
        while (step.find()) {
            if (!(current instanceof Map<?, ?> map)) {
                return null;
            }
            current = map.get(step.group(1));
            if (step.group(2) != null) {
                int index = Integer.parseInt(step.group(2));
                if (!(current instanceof List<?> list) || list.size() <= index) {
                    return null;
                }
                current = list.get(index);
            }
        }
        return current;
    }
}
