package dev.parley.web.config;

import org.springframework.http.HttpHeaders;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Security headers on the pages this jar serves. The console's pages may run only their own
 * scripts, talk only to their own origin (its API and socket) and be framed by nobody: a framed
 * console could be clickjacked into an agent's actions. The demo page stands in for a host site's
 * page, whose content policy is the host's (it runs an inline script, as such pages do): it gets no
 * policy and may be framed, only the referrer rule. {@code widget.js} itself is embedded by other
 * sites and gets nothing here.
 */
public final class PageSecurityHeaders implements WebFilter {

    static final String CONSOLE_POLICY = "default-src 'self'; connect-src 'self' ws: wss:; img-src 'self' data: blob:; "
            + "style-src 'self' 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String path = exchange.getRequest().getPath().pathWithinApplication().value();
        boolean console = path.equals("/console") || path.startsWith("/console/") && (path.endsWith("/")
                || path.endsWith(".html") || !path.substring("/console/".length()).contains("."));
        boolean demo = path.equals("/") || path.equals("/index.html");
        if (console || demo) {
            exchange.getResponse().beforeCommit(() -> {
                HttpHeaders headers = exchange.getResponse().getHeaders();
                headers.set("Referrer-Policy", "no-referrer");
                headers.set("X-Content-Type-Options", "nosniff");
                if (console) {
                    headers.set("Content-Security-Policy", CONSOLE_POLICY);
                    headers.set("X-Frame-Options", "DENY");
                } else {
                    headers.remove("X-Frame-Options");
                }
                return Mono.empty();
            });
        }
        return chain.filter(exchange);
    }
}
