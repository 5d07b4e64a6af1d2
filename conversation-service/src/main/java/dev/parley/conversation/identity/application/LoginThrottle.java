package dev.parley.conversation.identity.application;

import java.time.Duration;
import java.util.Optional;

/**
 * Budgets of login attempts per email and per client address (token buckets), against password
 * guessing: on one account from many addresses, and on many accounts from one address; and
 * per address against floods of single sign-on codes.
 */
public interface LoginThrottle {

    /**
     * Takes one attempt from both budgets.
     *
     * @return empty if the attempt may go ahead; otherwise how long until it may
     */
    Optional<Duration> admit(String email, String clientAddress);

    /** Gives back the attempt of a successful login, so only failures use the budget up. */
    void succeeded(String email, String clientAddress);

    /**
     * Takes one attempt from the address's budget only, for a sign-in that names no account
     * (single sign-on: each attempt costs a call to the identity provider).
     *
     * @return empty if the attempt may go ahead; otherwise how long until it may
     */
    Optional<Duration> admitClient(String clientAddress);

    /** Gives back the attempt of a successful {@link #admitClient} sign-in. */
    void succeededClient(String clientAddress);
}
