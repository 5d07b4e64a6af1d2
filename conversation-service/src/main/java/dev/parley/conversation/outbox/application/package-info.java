/**
 * The transactional outbox of the conversation service (ARCHITECTURE §3 "Deliver", §6): state
 * changes append their events with {@link dev.parley.conversation.outbox.application.Outbox} in
 * the same transaction, and the {@link dev.parley.conversation.outbox.application.OutboxRelay}
 * publishes what committed through the {@code EventBus}.
 *
 * <h2>Invariants</h2>
 * <ol>
 *   <li><b>Committed ⇔ stored.</b> Events are rows of {@code event_outbox} written in the caller's
 *       transaction; a rollback leaves none, a commit leaves all.</li>
 *   <li><b>Id order is key order.</b> Writers of one key are serialized (the conversation row lock
 *       hands out {@code seq}), so a key's rows get increasing ids in seq order and become visible
 *       in that order: the unpublished rows of a key that the relay can see always follow, without a
 *       gap, the ones it has published. Rows of different keys may commit out of id order; that
 *       orders nothing anyone relies on.</li>
 *   <li><b>Published in id order.</b> The relay reads the oldest unpublished rows by id and
 *       publishes them in that order (as runs of one topic, each run in one {@code publishAll}),
 *       and starts the next batch only after the previous one was confirmed.</li>
 *   <li><b>Marked only when confirmed.</b> A row is marked published only after the bus confirmed
 *       it. A refused or abandoned batch stays unpublished and goes out again, from its oldest row:
 *       duplicates, never gaps. Consumers dedupe by {@code eventId} or {@code seq}.</li>
 *   <li><b>One leader.</b> Only the holder of the lease reads and marks, and it does so through the
 *       session that holds the lease; when that session ends its reads and marks fail. A former
 *       leader's publish still in flight can only duplicate a prefix the new leader publishes
 *       again, so the first occurrence of each event keeps key order.</li>
 *   <li><b>Never stuck silently.</b> A refused batch is retried with backoff for as long as the bus
 *       refuses; a row that does not decode stops the relay rather than be skipped. Either way
 *       {@code parley.outbox.lag} grows, which is what an operator alerts on.</li>
 *   <li><b>Pruning only forgets published rows</b> older than the retention.</li>
 * </ol>
 *
 * <h2>Wake-ups</h2>
 * The leader drains at the start of its term (rows committed before it listened), on every
 * notification from the insert trigger, and every {@code poll-interval} in case one was missed.
 * Wake-ups that arrive during a drain collapse into one more drain.
 *
 * <h2>Shutdown order</h2>
 * <ol>
 *   <li>Stop fetching: no new batch starts, backoff retries end.</li>
 *   <li>The batch in flight gets {@code shutdown-grace} to be confirmed and marked; past that it
 *       is abandoned unmarked and the next leader publishes it again.</li>
 *   <li>Release the lease (unlock, then end its session), so another instance takes over within its
 *       {@code takeover-interval}.</li>
 *   <li>Only then may the event bus and the connection pool close; the Spring lifecycle phase
 *       of the relay (below the web server's) guarantees it.</li>
 * </ol>
 */
package dev.parley.conversation.outbox.application;
