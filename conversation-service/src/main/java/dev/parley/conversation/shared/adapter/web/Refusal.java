package dev.parley.conversation.shared.adapter.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A way an endpoint refuses beyond those every endpoint has (see {@link ProblemResponses}), for its
 * OpenAPI description: the status and the problem {@code code}s it comes with. The status must be
 * the one {@link Responses} gives those codes.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@Repeatable(Refusal.List.class)
public @interface Refusal {

    int status();

    /** When it happens, for a reader. */
    String when();

    /** The problem codes, e.g. {@code conversation.illegal_transition}. */
    String[] codes();

    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.METHOD)
    @interface List {
        Refusal[] value();
    }
}
