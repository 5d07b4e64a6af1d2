package dev.parley.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.Collections;
import java.util.Comparator;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The reference of every {@code parley.*} setting, generated from the configuration processor's
 * {@code META-INF/spring-configuration-metadata.json} of every service on the classpath: name,
 * default, which service reads it and its Javadoc line.
 */
final class ConfigurationReference {

    static final String BEGIN = "<!-- BEGIN GENERATED configuration reference: see \"Regenerating\" above -->";
    static final String END = "<!-- END GENERATED configuration reference -->";

    /** By the source type's package or class; the longest prefix that matches wins. */
    private static final Map<String, String> READERS = Map.of(
            "dev.parley.conversation.", "conversation-service",
            "dev.parley.gateway.", "chat-gateway",
            "dev.parley.assignment.", "assignment-worker",
            "dev.parley.events.", "every service",
            "dev.parley.events.spring.ClientAddressProperties", "conversation-service, chat-gateway");

    private static final Pattern JAVADOC_CODE = Pattern.compile("\\{@code ([^}]*)}");

    private ConfigurationReference() {
    }

    /** Every parley.* setting's metadata, by name. */
    static Map<String, JsonNode> settings() {
        Map<String, JsonNode> settings = new TreeMap<>();
        try {
            for (URL url : Collections.list(ConfigurationReference.class.getClassLoader()
                    .getResources("META-INF/spring-configuration-metadata.json"))) {
                try (InputStream in = url.openStream()) {
                    for (JsonNode property : new ObjectMapper().readTree(in).path("properties")) {
                        String name = property.path("name").asText();
                        if (name.startsWith("parley.")) {
                            settings.putIfAbsent(name, property);
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return settings;
    }

    /** The Markdown table, between its markers. */
    static String markdown() {
        var text = new StringBuilder(BEGIN).append("\n\n")
                .append("| setting | default | read by | meaning |\n| --- | --- | --- | --- |\n");
        settings().forEach((name, property) -> text.append("| `").append(name).append("` | ")
                .append(defaultOf(property)).append(" | ")
                .append(readerOf(property.path("sourceType").asText())).append(" | ")
                .append(cell(property.path("description").asText())).append(" |\n"));
        return text.append("\n").append(END).toString();
    }

    private static String defaultOf(JsonNode property) {
        if (!property.has("defaultValue")) {
            return "";
        }
        String value = property.get("defaultValue").isTextual()
                ? property.get("defaultValue").asText() : property.get("defaultValue").toString();
        return value.isEmpty() ? "(empty)" : "`" + value + "`";
    }

    private static String readerOf(String sourceType) {
        return READERS.entrySet().stream().filter(entry -> sourceType.startsWith(entry.getKey()))
                .max(Comparator.comparingInt(entry -> entry.getKey().length()))
                .map(Map.Entry::getValue).orElse(sourceType);
    }

    private static String cell(String description) {
        return JAVADOC_CODE.matcher(description).replaceAll("`$1`").replace("\n", " ").replace("|", "\\|").strip();
    }
}
