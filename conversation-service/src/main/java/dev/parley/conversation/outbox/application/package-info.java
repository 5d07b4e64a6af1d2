/**
 * The transactional outbox of the conversation service (ARCHITECTURE §3 "Deliver", §6): state
 * changes append their events with {@link dev.parley.conversation.outbox.application.Outbox} in
 * the same transaction, and the {@link dev.parley.conversation.outbox.application.OutboxRelay}
 * publishes what committed through the {@code EventBus}.
 *
 * <h2>Invariants</h2>
 * <ol>
 *   <li><b>Committed ⇔ stored.</b> Events are rows of {@code event_outbox} written in the caller's
 *       transaction (or statement); a rollback leaves none, a commit leaves all. A sequenced
 *       event's row points at its bytes in {@code conversation_event}, written by the same statement;
 *       other events carry their bytes. The bytes are published as stored: encoded once.</li>
 *   <li><b>Id order is key order.</b> Writers of one key are serialized (the conversation row lock
 *       hands out {@code seq}), so a key's rows get increasing ids in seq order and become visible
 *       in that order: the unpublished rows of a key that the relay can see always follow, without a
 *       gap, the ones it has published. Rows of different keys may commit out of id order; that
 *       orders nothing anyone relies on.</li>
 *   <li><b>Published in id order.</b> The relay reads the oldest unpublished rows by id and
 *       publishes them in that order (as runs of one topic, each run in one {@code publishAll}),
 *       and starts the next batch only after the previous one was confirmed.</li>
 *   <li><b>Removed only when confirmed.</b> A row leaves the outbox only after the bus confirmed
 *       it. A refused or abandoned batch stays and goes out again, from its oldest row:
 *       duplicates, never gaps. Consumers dedupe by {@code eventId} or {@code seq}.</li>
 *   <li><b>One leader.</b> Only the holder of the lease reads and removes, and it does so through the
 *       session that holds the lease; when that session ends its reads and removals fail. A former
 *       leader's publish still in flight can only duplicate a prefix the new leader publishes
 *       again, so the first occurrence of each event keeps key order.</li>
 *   <li><b>Never stuck.</b> A refused batch is retried with backoff for as long as the bus refuses,
 *       and {@code parley.outbox.lag} grows, which is what an operator alerts on. A row that is not
 *       an event (its header does not decode, or it points at no event) is moved to
 *       {@code event_outbox_quarantine} with the reason and counted in
 *       {@code parley.outbox.quarantined}, which is alerted on: it would otherwise halt every event
 *       behind it.</li>
 * </ol>
 *
 * <h2>Wake-ups</h2>
 * The leader drains at the start of its term (rows committed before it listened), whenever a writer
 * of its own instance committed (in-process), on every {@code NOTIFY} from another instance's
 * writers (sent after their commits, outside the writing transaction, at most one in flight per
 * instance: {@code OutboxWakeUps}), and every {@code poll-interval} in case one was missed.
 * Wake-ups that arrive during a drain collapse into one more drain, so batches grow with load.
 *
 * <h2>Shutdown order</h2>
 * <ol>
 *   <li>Stop fetching: no new batch starts, backoff retries end.</li>
 *   <li>The batch in flight gets {@code shutdown-grace} to be confirmed and removed; past that it
 *       is abandoned in place and the next leader publishes it again.</li>
 *   <li>Release the lease (unlock, then end its session), so another instance takes over within its
 *       {@code takeover-interval}.</li>
 *   <li>Only then may the event bus and the connection pool close; the Spring lifecycle phase
 *       of the relay (below the web server's) guarantees it.</li>
 * </ol>
 */
package dev.parley.conversation.outbox.application;
