package dev.parley.web.config;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * Serves the console's page at {@code /console}. Static resources under {@code META-INF/resources}
 * are served by Spring Boot as they are ({@code /widget.js}, {@code /console/console.js}, and
 * {@code /index.html} as the welcome page at {@code /}), but a folder never resolves to its
 * {@code index.html}, so the console's address needs this one route. Registered through
 * {@code AutoConfiguration.imports}: depending on this jar is the whole setup.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
public class WebUiConfiguration {

    static final String CONSOLE_PAGE = "META-INF/resources/console/index.html";
    /** The admin screens. */
    static final String ADMIN_PAGE = "META-INF/resources/console/admin.html";
    /** Where an agent's one-time link (invitation, password reset) leads. */
    static final String PASSWORD_PAGE = "META-INF/resources/console/password.html";

    /** CSP, framing and referrer rules of the console's and the demo's pages. */
    @Bean
    PageSecurityHeaders parleyPageSecurityHeaders() {
        return new PageSecurityHeaders();
    }

    @Bean
    RouterFunction<ServerResponse> parleyConsolePage() {
        Resource page = new ClassPathResource(CONSOLE_PAGE);
        Resource admin = new ClassPathResource(ADMIN_PAGE);
        Resource password = new ClassPathResource(PASSWORD_PAGE);
        return RouterFunctions.route(RequestPredicates.GET("/console").or(RequestPredicates.GET("/console/")),
                        request -> ServerResponse.ok().contentType(MediaType.TEXT_HTML).bodyValue(page))
                .andRoute(RequestPredicates.GET("/console/admin"),
                        request -> ServerResponse.ok().contentType(MediaType.TEXT_HTML).bodyValue(admin))
                .andRoute(RequestPredicates.GET("/console/password"),
                        request -> ServerResponse.ok().contentType(MediaType.TEXT_HTML).bodyValue(password));
    }
}
