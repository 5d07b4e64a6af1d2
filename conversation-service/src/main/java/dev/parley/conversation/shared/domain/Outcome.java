package dev.parley.conversation.shared.domain;

import java.util.function.Function;

/** The result of a command: accepted with a value, or rejected with a reason. */
public sealed interface Outcome<T> {

    record Accepted<T>(T value) implements Outcome<T> {
    }

    record Rejected<T>(Rejection rejection) implements Outcome<T> {
    }

    static <T> Outcome<T> accepted(T value) {
        return new Accepted<>(value);
    }

    static <T> Outcome<T> rejected(Rejection rejection) {
        return new Rejected<>(rejection);
    }

    static <T> Outcome<T> rejected(String code, String message) {
        return new Rejected<>(Rejection.of(code, message));
    }

    default <R> Outcome<R> map(Function<T, R> mapper) {
        if (this instanceof Accepted<T> accepted) {
            return new Accepted<>(mapper.apply(accepted.value()));
        }
        return new Rejected<>(((Rejected<T>) this).rejection());
    }
}
