package dev.parley.conversation.identity.adapter.web;

import java.time.Duration;
import java.util.List;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.ReactiveAuthenticationManagerResolver;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;
import org.springframework.web.server.ServerWebExchange;

/**
 * Who may call what (ARCHITECTURE §7). Stateless: every request brings its bearer token; there are
 * no sessions or cookies, hence no CSRF tokens either.
 */
public final class SecurityRules {

    /** Reachable without a token. */
    static final String[] PUBLIC = {
            "/actuator/health", "/actuator/health/**", "/actuator/prometheus",
            "/.well-known/jwks.json", "/v3/api-docs", "/v3/api-docs/**",
            // Signed download links: the signature is the authorization, so <img src> works.
            "/api/v1/attachments/*/content",
            // What the widget shows for an inbox, by its public key (title, colour, greeting).
            "/api/v1/widget/inboxes/*",
            // Whether and where agents sign in with single sign-on, for the console's sign-in form.
            "/api/v1/auth/sso",
    };
    /** Endpoints that hand out tokens, reachable without one. */
    static final String[] TOKEN_ENDPOINTS = {
            "/api/v1/widget/sessions", "/api/v1/auth/login", "/api/v1/auth/refresh", "/internal/v1/auth/service-token",
            // An agent's one-time link (invitation, password reset): its token is the authorization.
            "/api/v1/agent-links/password",
            // The identity provider's authorization code (with its PKCE verifier) is the authorization.
            "/api/v1/auth/sso/token",
    };
    /** How long a browser may cache the widget's CORS preflight; an hour spares a round trip per page. */
    private static final Duration PREFLIGHT_CACHE = Duration.ofHours(1);

    private SecurityRules() {
    }

    public static SecurityWebFilterChain chain(ServerHttpSecurity http,
                                               ReactiveAuthenticationManagerResolver<ServerWebExchange> bearerTokens,
                                               AuthProblems problems) {
        return http
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .cors(cors -> cors.configurationSource(widgetCors()))
                .authorizeExchange(exchanges -> exchanges
                        .pathMatchers(PUBLIC).permitAll()
                        .pathMatchers(HttpMethod.POST, TOKEN_ENDPOINTS).permitAll()
                        // Internal endpoints are also kept off the edge by the network; a token alone
                        // of a customer or an agent must not reach them should one slip through.
                        .pathMatchers("/internal/**").hasRole("SERVICE")
                        .anyExchange().authenticated())
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .authenticationManagerResolver(bearerTokens)
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .exceptionHandling(handling -> handling
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .build();
    }

    /**
     * The widget runs on customers' sites and calls us cross-origin, so its endpoint allows any
     * origin here; the inbox's own allowed origins are checked by the session use case. No
     * credentials (cookies) are involved: the token travels in the body and the Authorization header.
     */
    private static UrlBasedCorsConfigurationSource widgetCors() {
        CorsConfiguration widget = new CorsConfiguration();
        widget.setAllowedOriginPatterns(List.of("*"));
        widget.setAllowedMethods(List.of("POST", "GET"));
        widget.setAllowedHeaders(List.of("Content-Type", "Authorization"));
        widget.setMaxAge(PREFLIGHT_CACHE);
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/api/v1/widget/**", widget);
        // The widget uploads files and fetches their links over HTTP, cross-origin like its session.
        source.registerCorsConfiguration("/api/v1/conversations/*/attachments/**", widget);
        // And asks its place in the queue; without this a widget on the customer's own site always
        // said "Waiting for an agent…" instead of the place and the wait.
        source.registerCorsConfiguration("/api/v1/conversations/*/queue-position", widget);
        return source;
    }
}
