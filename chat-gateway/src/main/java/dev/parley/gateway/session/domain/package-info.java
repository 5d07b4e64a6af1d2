/**
 * Who may receive what on this node, in plain Java.
 *
 * <p>Invariants:
 * <ul>
 *   <li>{@link dev.parley.gateway.session.domain.DeliveryPolicy} is applied to every socket for every
 *       event, after routing, whatever routing decided: an agents-only event never reaches a
 *       customer; named audiences address agents only.</li>
 *   <li>{@link dev.parley.gateway.session.domain.ResumeGate}: per socket and conversation, seqs are
 *       written strictly increasing, each at most once; live events wait while the conversation is
 *       replayed. Registration in the routing registry happens before the replay reads, so an event
 *       is either in the replay or routed to the socket (or both: the gate drops the second). The
 *       seq a replay is complete through is what the replay reached, never a held live event's:
 *       clients trust it to skip a range, and live delivery may have lost an event below it.</li>
 *   <li>A user is registered on a node while it holds at least one of the user's sockets
 *       ({@link dev.parley.gateway.session.domain.SessionTable#add} and {@code remove} say when the
 *       first arrives and the last leaves).</li>
 * </ul>
 */
package dev.parley.gateway.session.domain;
