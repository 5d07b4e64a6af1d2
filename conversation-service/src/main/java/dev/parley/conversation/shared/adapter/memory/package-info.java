/**
 * The in-memory conversation store ({@code parley.conversation.store=memory}): every table of the
 * PostgreSQL schema as a {@link dev.parley.conversation.shared.adapter.memory.MemoryTable} of
 * immutable rows in one {@link dev.parley.conversation.shared.adapter.memory.MemoryDatabase}, and
 * one in-memory adapter per port beside each R2DBC adapter ({@code <area>/adapter/memory}). It is
 * for one process (the standalone mode, demos, tests): it forgets everything at exit.
 *
 * <h2>Transactions</h2>
 * <ol>
 *   <li><b>One writer at a time.</b> A transaction holds the database's single lock from its first
 *       statement to its end; so does every statement run outside a transaction (it is its own
 *       transaction). The lock is a fair reactive mutex: waiting parks no thread. Transactions
 *       are therefore serial, which is stronger than the row locks the use cases rely on with
 *       PostgreSQL: one winner per assignment, capacity never exceeded, gap-free {@code seq} in
 *       commit order, idempotent sends (the duplicate check and the insert cannot interleave).</li>
 *   <li><b>All or nothing.</b> Statements write into the tables at once and push an undo step;
 *       commit drops the undo log, failure or cancellation replays it backwards. Readers cannot see
 *       uncommitted rows, because they need the lock too: reads are read-committed at least.</li>
 *   <li><b>Joining.</b> The open transaction travels in the Reactor context, as Spring's reactive
 *       transactions do, so a use case's nested {@code inTransaction} and every adapter call in
 *       its chain join it. The one rule: never leave the chain (a {@code subscribe()} or
 *       {@code block()} inside a transaction would wait for the lock its own transaction holds).</li>
 *   <li><b>After commit.</b> {@link dev.parley.conversation.shared.adapter.memory.MemoryTransaction#afterCommit}
 *       actions run once the lock is released, never on rollback: the outbox wakes its relay
 *       this way, as PostgreSQL's NOTIFY is delivered only on commit.</li>
 * </ol>
 *
 * <h2>Outbox</h2>
 * Events go to an in-memory {@code event_outbox} table in the writer's transaction and are
 * published by the same {@code OutboxRelay} as with PostgreSQL, through an in-process lease. So
 * memory mode keeps the relay's guarantees unchanged (published only after commit, in id order,
 * so per conversation in seq order; retried while the bus refuses) rather than re-arguing them for
 * a publish-after-commit hook, which would also have to retry and order on its own.
 */
package dev.parley.conversation.shared.adapter.memory;
