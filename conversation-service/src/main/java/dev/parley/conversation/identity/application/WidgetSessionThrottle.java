package dev.parley.conversation.identity.application;

import java.time.Duration;
import java.util.Optional;

/**
 * A budget of widget sessions per client address (a token bucket): each session creates or looks
 * up a customer and signs a token, so one address must not start them as fast as it can send.
 */
public interface WidgetSessionThrottle {

    /**
     * Takes one session from the address's budget.
     *
     * @return empty if the session may be started; otherwise how long until one may
     */
    Optional<Duration> admit(String clientAddress);
}
