package dev.parley.conversation.identity.domain;

/**
 * The {@code role} claim of a Parley token: what kind of {@link Caller} it stands for. Verifiers
 * (this service, the gateway, the worker) branch on it, so its names are part of the token contract.
 */
public enum TokenRole {
    CUSTOMER, AGENT, ADMIN, SERVICE;

    public static TokenRole of(Caller caller) {
        if (caller instanceof Caller.Customer) {
            return CUSTOMER;
        }
        if (caller instanceof Caller.Agent agent) {
            return agent.isAdmin() ? ADMIN : AGENT;
        }
        return SERVICE;
    }
}
