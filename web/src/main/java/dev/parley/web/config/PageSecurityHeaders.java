package dev.parley.web.config;

import org.springframework.http.HttpHeaders;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Security headers on the pages this jar serves. The console's pages may run only their own
 * scripts, talk only to their own origin (its API and socket) and be framed by nobody: a framed
 * console could be clickjacked into an agent's actions. The demo page gets the same policy but may
 * be framed, as a host site's pages are. {@code widget.js} itself is embedded by other sites and
 * gets nothing here.
 */
public final class PageSecurityHeaders implements WebFilter {

    static final String CONSOLE_POLICY = "default-src 'self'; connect-src 'self' ws: wss:; img-src 'self' data: blob:; "
            + "style-src 'self' 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";
    static final String DEMO_POLICY = "default-src 'self'; connect-src 'self' ws: wss:; img-src 'self' data: blob:; "
            + "style-src 'self' 'unsafe-inline'; base-uri 'none'; form-action 'self'";

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String path = exchange.getRequest().getPath().pathWithinApplication().value();
        boolean console = path.equals("/console") || path.startsWith("/console/") && (path.endsWith("/")
                || path.endsWith(".html") || !path.substring("/console/".length()).contains("."));
        boolean demo = path.equals("/") || path.equals("/index.html");
        if (console || demo) {
            exchange.getResponse().beforeCommit(() -> {
                HttpHeaders headers = exchange.getResponse().getHeaders();
                headers.set("Content-Security-Policy", console ? CONSOLE_POLICY : DEMO_POLICY);
                headers.set("Referrer-Policy", "no-referrer");
                headers.set("X-Content-Type-Options", "nosniff");
                if (console) {
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
