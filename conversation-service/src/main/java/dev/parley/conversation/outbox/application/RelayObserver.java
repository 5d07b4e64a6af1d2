package dev.parley.conversation.outbox.application;

/** What the relay reports as it works (metrics, in the Micrometer adapter). Calls must be cheap and never fail. */
public interface RelayObserver {

    /** This relay took ({@code true}) or gave up / lost ({@code false}) the lease. */
    void leading(boolean leading);

    /** The bus confirmed {@code count} events and they were marked published. */
    void published(int count);

    /** The bus refused a batch; it stays unpublished and is retried after a backoff. */
    void publishFailed(Throwable cause);

    /** {@code count} published rows older than the retention were deleted. */
    void pruned(long count);
}
