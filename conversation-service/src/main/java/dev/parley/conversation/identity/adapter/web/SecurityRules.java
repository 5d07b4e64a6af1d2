package dev.parley.conversation.identity.adapter.web;

import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.ReactiveAuthenticationManagerResolver;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
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
    };
    /** Endpoints that hand out tokens, reachable without one. */
    static final String[] TOKEN_ENDPOINTS = {
            "/api/v1/auth/login", "/api/v1/auth/refresh", "/internal/v1/auth/service-token",
    };

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
}
