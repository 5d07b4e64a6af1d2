package dev.parley.conversation.config;

import dev.parley.conversation.identity.domain.Caller;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.method.HandlerMethod;

/**
 * The OpenAPI description at {@code /v3/api-docs}. Every endpoint takes a bearer JWT unless it is
 * one of {@link #PUBLIC}; the {@link Caller} it proves is resolved from the token, so it is not a
 * request parameter. The error responses are added by the shared {@code ProblemResponses}
 * (shared.config) once every operation is built.
 */
@Configuration(proxyBeanMethods = false)
public class OpenApiConfiguration {

    /**
     * The operations the security chain lets through without a token (identity's
     * {@code SecurityRules.PUBLIC} and {@code TOKEN_ENDPOINTS}). Kept here so identity's code knows
     * nothing of the description; {@code OpenApiIT} calls every operation without a token and fails
     * when this list and the chain disagree.
     */
    static final Set<String> PUBLIC = Set.of(
            "GET /.well-known/jwks.json", "GET /api/v1/attachments/{attachmentId}/content",
            "GET /api/v1/widget/inboxes/{publicKey}", "POST /api/v1/widget/sessions", "POST /api/v1/auth/login",
            "POST /api/v1/auth/refresh", "POST /internal/v1/auth/service-token", "POST /api/v1/agent-links/password",
            "GET /api/v1/auth/sso", "POST /api/v1/auth/sso/token");

    /**
     * How identity's token endpoints refuse beyond every operation's ways: the credentials they take
     * (401) and the budgets per client address and per email (Bucket4j; 429 with {@code Retry-After}).
     */
    static final Map<String, Map<Integer, String>> IDENTITY_REFUSALS = Map.of(
            "POST /api/v1/auth/login", Map.of(
                    401, "Wrong email or password, or a deactivated agent (`auth.invalid_credentials`)",
                    429, "Too many login attempts for this email or address (`auth.rate_limited`)"),
            "POST /api/v1/auth/refresh", Map.of(401, "The refresh token is unknown, used or expired (`auth.refresh_token_invalid`)"),
            "POST /internal/v1/auth/service-token", Map.of(401, "Unknown client or wrong secret (`auth.invalid_client`)"),
            "POST /api/v1/widget/sessions", Map.of(429, "Too many sessions from this address (`widget.rate_limited`)"),
            "POST /api/v1/auth/sso/token", Map.of(
                    401, "The identity provider's id token failed a check (`auth.sso_token_invalid`), or no active agent"
                            + " has its verified email (`auth.agent_unknown`)",
                    404, "Single sign-on is not configured (`auth.sso_disabled`)",
                    429, "Too many failed exchanges from this address (`auth.rate_limited`)",
                    502, "The identity provider could not be reached (`auth.sso_provider_unavailable`)"));

    private static final String ANY = "*/*";

    static {
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Caller.class);
    }

    @Bean
    OpenAPI parleyOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Parley conversation service").version("v1").description("""
                        Conversations, messages, read state, reactions and the directory. Errors are RFC 9457
                        problem details (`application/problem+json`, schema `Problem`) whose `code` is stable
                        (for example `conversation.illegal_transition`, `message.too_long`, `agent.unavailable`);
                        validation problems name the `fields`."""))
                .components(new Components().addSecuritySchemes("bearer",
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")))
                .addSecurityItem(new SecurityRequirement().addList("bearer"));
    }

    /**
     * Public operations need no token; identity's token endpoints refuse in their own ways; answers are JSON
     * (springdoc says {@code *}{@code /*} for a {@code ResponseEntity} it cannot see into) unless an
     * operation declares bytes. An operation customizer, so that it runs before the problem
     * responses are completed (see {@code ProblemResponses}).
     */
    @Bean
    OperationCustomizer identityOperations() {
        return (operation, handler) -> {
            String key = keyOf(handler);
            operation.getResponses().values().forEach(OpenApiConfiguration::jsonUnlessBytes);
            if (PUBLIC.contains(key)) {
                operation.setSecurity(List.of());
            }
            IDENTITY_REFUSALS.getOrDefault(key, Map.of()).forEach((status, description) ->
                    operation.getResponses().addApiResponse(Integer.toString(status), refusal(status, description)));
            return operation;
        };
    }

    /** {@code POST /api/v1/auth/login}: the handler's method and its path, its class's prefix included. */
    static String keyOf(HandlerMethod handler) {
        RequestMapping method = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), RequestMapping.class);
        RequestMapping type = AnnotatedElementUtils.findMergedAnnotation(handler.getBeanType(), RequestMapping.class);
        if (method == null || method.method().length != 1) {
            return "";
        }
        String prefix = type == null || type.path().length == 0 ? "" : type.path()[0];
        String path = method.path().length == 0 ? "" : method.path()[0];
        return method.method()[0] + " " + prefix + path;
    }

    private static void jsonUnlessBytes(ApiResponse response) {
        Content content = response.getContent();
        MediaType any = content == null ? null : content.get(ANY);
        if (any != null && !(any.getSchema() != null && "binary".equals(any.getSchema().getFormat()))) {
            content.remove(ANY);
            content.addMediaType(org.springframework.http.MediaType.APPLICATION_JSON_VALUE, any);
        }
    }

    private static ApiResponse refusal(int status, String description) {
        ApiResponse response = new ApiResponse().description(description);
        return status != 429 ? response
                : response.addHeaderObject("Retry-After", new Header().description("seconds to wait").schema(new IntegerSchema()));
    }
}
