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
    /**
     * The web origins the customer's inbox allowed when the token was issued (an empty list: any);
     * the gateway accepts the customer's socket only from one of them.
     */
    public static final String ORIGINS = "origins";

    private ParleyClaims() {
    }
}
