package dev.parley.conversation.outbox.application;

/** What the relay reports as it works (metrics, in the Micrometer adapter). Calls must be cheap and never fail. */
public interface RelayObserver {

    /** This relay took ({@code true}) or gave up / lost ({@code false}) the lease. */
    void leading(boolean leading);

    /** The bus confirmed {@code count} events and they left the outbox; the oldest was written {@code since} ago. */
    void published(int count, java.time.Duration oldestSince);

    /** The bus refused a batch; it stays unpublished and is retried after a backoff. */
    void publishFailed(Throwable cause);

    /** Why a row is quarantined: its header does not decode. */
    String MALFORMED = "malformed";
    /** Why a row is quarantined: it points at an event the event log does not have. */
    String NO_EVENT = "no_event";

    /** A row that could not be published was quarantined, for {@code reason} ({@link #MALFORMED}, {@link #NO_EVENT}). */
    void quarantined(String reason);
}
