package dev.parley.testsupport;

/**
 * Thrown instead of skipping when {@code PARLEY_REQUIRE_INFRA=true} and a server the test asked for
 * cannot be had. Its message names every way to provide one and what was tried.
 */
public final class MissingInfrastructureException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    MissingInfrastructureException(String message) {
        super(message);
    }
}
