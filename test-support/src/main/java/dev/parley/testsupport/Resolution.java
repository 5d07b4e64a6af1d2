package dev.parley.testsupport;

import java.util.List;
import java.util.Optional;

/**
 * What looking for one kind of server found: the endpoint, or why each way of getting one failed.
 */
record Resolution<T>(Optional<T> endpoint, List<String> attempts) {

    Resolution {
        attempts = List.copyOf(attempts);
    }

    static <T> Resolution<T> found(T endpoint, List<String> attempts) {
        return new Resolution<>(Optional.of(endpoint), attempts);
    }

    static <T> Resolution<T> none(List<String> attempts) {
        return new Resolution<>(Optional.empty(), attempts);
    }

    /**
     * The endpoint, or the skip / failure that {@link MissingInfrastructure} decides on.
     */
    T orAbort(InfrastructureKind kind, String requester) {
        return endpoint.orElseThrow(() -> MissingInfrastructure.fromEnvironment().report(kind, attempts, requester));
    }
}
