package dev.parley.conversation.identity.adapter.jwt;

/**
 * The claims of a Parley token beyond the registered ones ({@code sub}, {@code iss}, {@code aud},
 * {@code exp}, {@code iat}, {@code jti}). Part of the contract with the gateway and the worker.
 */
public final class ParleyClaims {

    /** {@code CUSTOMER}, {@code AGENT}, {@code ADMIN} or {@code SERVICE} (TokenRole). */
    public static final String ROLE = "role";
    /** A customer's inbox id; customer tokens only. */
    public static final String INBOX = "inbox";

    private ParleyClaims() {
    }
}
