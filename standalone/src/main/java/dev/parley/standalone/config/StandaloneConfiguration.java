package dev.parley.standalone.config;

import dev.parley.assignment.config.AssignmentWorkerConfiguration;
import dev.parley.conversation.config.ConversationServiceConfiguration;
import dev.parley.gateway.config.ChatGatewayConfiguration;
import dev.parley.standalone.inprocess.InProcessServices;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.util.matcher.NegatedServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;

/**
 * The composition root of the standalone suite: each service's own wiring, unchanged, plus what
 * only one process serving all of them needs.
 */
@Configuration(proxyBeanMethods = false)
@Import({ConversationServiceConfiguration.class, ChatGatewayConfiguration.class, AssignmentWorkerConfiguration.class,
        InProcessServices.class, DemoConfiguration.class})
@EnableConfigurationProperties(StandaloneProperties.class)
public class StandaloneConfiguration {

    /** The conversation service's API; its own security rules guard these paths. */
    static final String[] SERVICE_PATHS = {"/api/**", "/internal/**", "/actuator/**", "/.well-known/**", "/v3/**"};

    /** Lets go of the port chosen for {@code server.port=0} just before the web server binds it. */
    @Bean
    PortReservation portReservation(@Value("${server.port}") int port) {
        return new PortReservation(port);
    }

    /**
     * Everything that is not the conversation service's API is the gateway's: the widget, console
     * and demo page, which are public files. ({@code /ws} never reaches a security chain: it is a
     * Reactor Netty route ahead of WebFlux, and the socket authenticates with its first frame.)
     * Checked before the service's chain, which would ask every request for a bearer token. Static
     * files keep their own cache headers.
     */
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    SecurityWebFilterChain gatewayAndStaticFiles(ServerHttpSecurity http) {
        return http
                .securityMatcher(new NegatedServerWebExchangeMatcher(ServerWebExchangeMatchers.pathMatchers(SERVICE_PATHS)))
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .headers(headers -> headers.cache(ServerHttpSecurity.HeaderSpec.CacheSpec::disable))
                .authorizeExchange(exchanges -> exchanges.anyExchange().permitAll())
                .build();
    }
}
