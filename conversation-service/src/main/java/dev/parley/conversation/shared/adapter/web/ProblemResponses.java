package dev.parley.conversation.shared.adapter.web;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MapSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.web.method.HandlerMethod;

/**
 * The error responses of every operation in the OpenAPI description, derived from how the service
 * really refuses (docs/architecture.md, Errors): {@link FrameworkProblems} answers a body or
 * parameter it cannot read with 400 and a body of another media type with 415 wherever there is one,
 * the security chain 401 and 403 wherever a token is needed, a path id that names nothing is 404,
 * and a store that cannot be reached is 503 everywhere. An endpoint that refuses in more ways (409,
 * 413, 422) says so with a {@link Refusal}, read here while its operation is built. Every refusal is
 * an RFC 9457 problem, {@code application/problem+json}, of the shared {@value #SCHEMA} schema.
 *
 * <p>springdoc runs every {@link OperationCustomizer} while it builds the operations and only then,
 * in no given order, the {@link OpenApiCustomizer}s: whatever marks the public operations (an empty
 * {@code security}, no 401 or 403) or adds a response of its own must be an operation customizer,
 * so that the whole-description pass here sees it.
 */
public final class ProblemResponses implements OperationCustomizer, OpenApiCustomizer {

    public static final String SCHEMA = "Problem";
    public static final String MEDIA_TYPE = org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE;
    private static final String REF = "#/components/schemas/" + SCHEMA;

    @Override
    public Operation customize(Operation operation, HandlerMethod handler) {
        Map<Integer, List<Refusal>> byStatus = new TreeMap<>();
        for (Refusal refusal : handler.getMethod().getAnnotationsByType(Refusal.class)) {
            byStatus.computeIfAbsent(refusal.status(), status -> new ArrayList<>()).add(refusal);
        }
        byStatus.forEach((status, refusals) -> operation.getResponses().addApiResponse(Integer.toString(status),
                new ApiResponse().description(refusals.stream().map(ProblemResponses::describe)
                        .collect(Collectors.joining("; ")))));
        return operation;
    }

    private static String describe(Refusal refusal) {
        return refusal.when() + " (" + Arrays.stream(refusal.codes()).map(code -> "`" + code + "`")
                .collect(Collectors.joining(", ")) + ")";
    }

    @Override
    public void customise(OpenAPI openApi) {
        openApi.getComponents().addSchemas(SCHEMA, problemSchema());
        boolean securedByDefault = openApi.getSecurity() != null && !openApi.getSecurity().isEmpty();
        openApi.getPaths().values().forEach(path -> path.readOperationsMap()
                .values().forEach(operation -> completeProblems(operation, securedByDefault)));
    }

    /** Adds the refusals every operation of this shape has, and gives every refusal the problem's content. */
    private static void completeProblems(Operation operation, boolean securedByDefault) {
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        boolean parameters = operation.getParameters() != null && !operation.getParameters().isEmpty();
        boolean body = operation.getRequestBody() != null;
        boolean pathIds = parameters && operation.getParameters().stream().anyMatch(p -> "path".equals(p.getIn()));
        boolean secured = operation.getSecurity() == null ? securedByDefault : !operation.getSecurity().isEmpty();
        if (parameters || body) {
            add(responses, 400, "Bad input: a body that does not parse or bind (`request.body_unreadable`), a missing or "
                    + "malformed parameter (`request.parameter_missing`, `request.parameter_invalid`), or a field the "
                    + "use case refuses; `fields` names each field");
        }
        if (secured) {
            add(responses, 401, "No token, or one that is invalid or expired (`auth.token_missing`, "
                    + "`auth.token_invalid`, `auth.token_expired`)");
            add(responses, 403, "The caller may not do this: their role (`auth.forbidden`, `directory.admin_only`) "
                    + "or their access to the resource (`conversation.forbidden`)");
        }
        if (pathIds) {
            add(responses, 404, "Nothing the caller may see has that id (`…not_found`)");
        }
        if (body) {
            add(responses, 415, "The body is not of a media type the operation takes (`request.media_type_unsupported`)");
        }
        add(responses, 503, "The conversation store cannot be reached (`store.unavailable`); nothing was done, retry "
                + "after `Retry-After` seconds");
        responses.get("503").addHeaderObject("Retry-After", new Header().description("seconds to wait")
                .schema(new IntegerSchema()));
        responses.forEach((status, response) -> {
            if (isProblem(status)) {
                response.setContent(new Content().addMediaType(MEDIA_TYPE, new MediaType().schema(new Schema<>().$ref(REF))));
            }
        });
        operation.setResponses(sorted(responses));
    }

    private static void add(ApiResponses responses, int status, String description) {
        responses.computeIfAbsent(Integer.toString(status), code -> new ApiResponse().description(description));
    }

    private static boolean isProblem(String status) {
        return status.length() == 3 && (status.charAt(0) == '4' || status.charAt(0) == '5');
    }

    /** Responses in status order, so a reader finds the success first. */
    private static ApiResponses sorted(ApiResponses responses) {
        Map<String, ApiResponse> ordered = new LinkedHashMap<>();
        responses.entrySet().stream().sorted(Map.Entry.comparingByKey(Comparator.naturalOrder()))
                .forEach(entry -> ordered.put(entry.getKey(), entry.getValue()));
        ApiResponses result = new ApiResponses();
        result.putAll(ordered);
        result.setExtensions(responses.getExtensions());
        return result;
    }

    /** What {@link ProblemException} and {@link FrameworkProblems} write (RFC 9457 plus Parley's members). */
    @SuppressWarnings({"rawtypes", "unchecked"})
    static Schema<?> problemSchema() {
        Schema problem = new ObjectSchema().description("An RFC 9457 problem with Parley's stable `code`")
                .addRequiredItem("type").addRequiredItem("status").addRequiredItem("code");
        problem.addProperty("type", new StringSchema().format("uri")
                .description("https://parley.dev/problems/ followed by the code"));
        problem.addProperty("title", new StringSchema().description("the status's reason phrase"));
        problem.addProperty("status", new IntegerSchema().description("the HTTP status"));
        problem.addProperty("detail", new StringSchema().description("what went wrong, for a human"));
        problem.addProperty("instance", new StringSchema().format("uri-reference").description("the request's path"));
        problem.addProperty("code", new StringSchema().description("stable and machine-readable, e.g. `message.too_long`"));
        problem.addProperty("fields", new MapSchema().additionalProperties(new StringSchema())
                .description("for bad input: each refused field (dotted path) with what is wrong with it"));
        return problem;
    }
}
