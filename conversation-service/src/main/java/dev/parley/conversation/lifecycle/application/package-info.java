/**
 * Conversations: their lifecycle, their participants, and how what happens to them is recorded
 * (docs/architecture.md, "A write").
 *
 * <h2>Invariants</h2>
 * <ol>
 *   <li><b>One write per change.</b> Every change of a conversation ends in one
 *       {@link dev.parley.conversation.lifecycle.application.ConversationJournal#write}: the
 *       conversation row, its events (event log and outbox) and the message rows of its
 *       {@code message.created} events, all or nothing.</li>
 *   <li><b>The last seq is the version.</b> Every change records at least one event, so a
 *       conversation's last seq moves with every change. A write is guarded by the last seq its
 *       decision was taken on: decided on state that moved on, it writes nothing.</li>
 *   <li><b>Gap-free seqs.</b> A write's events take the seqs right after the guarded one; since a
 *       write either applies whole or not at all, seqs are handed out without gaps or repeats
 *       whoever wins a race.</li>
 *   <li><b>Two ways to decide.</b> Locked paths take the row lock first ({@code SELECT … FOR
 *       UPDATE}) and decide on what they read, so their guard holds. Unlocked paths (a plain
 *       message, a read receipt) decide on a
 *       {@link dev.parley.conversation.lifecycle.application.ConversationSnapshots snapshot}, may
 *       fail the guard, and then forget it and decide again on fresh state.</li>
 *   <li><b>Snapshots are hints.</b> A snapshot is this instance's last view; another instance's
 *       writes never update it. Only the guard makes decisions safe, so a snapshot may be stale,
 *       evicted or missing at any moment without harm but a retry.</li>
 *   <li><b>Audience.</b> Events go to the conversation's active participants and its customer
 *       (notes: not the customer); only {@code conversation.*} events also name its department.</li>
 * </ol>
 */
package dev.parley.conversation.lifecycle.application;
