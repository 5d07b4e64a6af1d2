package dev.parley.conversation.identity.adapter.web;

import dev.parley.conversation.identity.domain.Caller;
import dev.parley.conversation.shared.adapter.web.ProblemException;
import java.util.Locale;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.BindingContext;
import org.springframework.web.reactive.result.method.HandlerMethodArgumentResolver;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Lets a controller method declare who calls it: a {@code Caller caller} parameter receives the
 * verified caller; a narrower one ({@code Caller.Agent agent}, {@code Caller.Customer customer},
 * {@code Caller.Service service}) also refuses other callers with 403 {@code auth.forbidden}.
 */
public final class CallerArgumentResolver implements HandlerMethodArgumentResolver {

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return Caller.class.isAssignableFrom(parameter.getParameterType());
    }

    @Override
    public Mono<Object> resolveArgument(MethodParameter parameter, BindingContext bindingContext, ServerWebExchange exchange) {
        Class<?> wanted = parameter.getParameterType();
        return CurrentCaller.of(exchange)
                .switchIfEmpty(Mono.error(() -> ProblemException.of(HttpStatus.UNAUTHORIZED, AuthProblems.TOKEN_MISSING,
                        "This endpoint needs a bearer token.")))
                .flatMap(caller -> wanted.isInstance(caller)
                        ? Mono.just(caller)
                        : Mono.error(ProblemException.of(HttpStatus.FORBIDDEN, AuthProblems.FORBIDDEN,
                                "This endpoint is for " + wanted.getSimpleName().toLowerCase(Locale.ROOT) + "s only.")));
    }
}
