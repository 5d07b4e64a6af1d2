package dev.parley.conversation.identity.adapter.web;

import dev.parley.conversation.identity.adapter.jwt.CallerAuthentication;
import dev.parley.conversation.identity.domain.Caller;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** The verified caller of the current request, for code that cannot take a {@link Caller} parameter. */
public final class CurrentCaller {

    private CurrentCaller() {
    }

    /** The caller in the reactive security context; empty on public endpoints called without a token. */
    public static Mono<Caller> get() {
        return ReactiveSecurityContextHolder.getContext()
                .map(SecurityContext::getAuthentication)
                .ofType(CallerAuthentication.class)
                .map(CallerAuthentication::caller);
    }

    static Mono<Caller> of(ServerWebExchange exchange) {
        return exchange.getPrincipal().ofType(CallerAuthentication.class).map(CallerAuthentication::caller);
    }
}
