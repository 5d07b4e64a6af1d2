/**
 * How the worker decides, and why it may be wrong without harm.
 *
 * <p><b>Invariants, all held by the conversation service, not here.</b> One owner per conversation
 * and no agent above capacity: {@code POST /internal/v1/conversations/{id}/assign} succeeds only if
 * the conversation is still QUEUED and the agent ONLINE with a free seat, in one transaction. The
 * worker's reads (queue, agents) are stale the moment they arrive; a wrong guess costs one 409.
 *
 * <p><b>What the worker guarantees.</b> FIFO per department within one drain (the head is offered
 * first and a drain stops when nobody may take it); at-least-once reaction to every event (the bus
 * acknowledges an event after its drain, or after a running drain has taken it over); and no
 * conversation waits forever for a missed event: {@link dev.parley.assignment.application.Sweeping}
 * drains every department at start and every sweep interval.
 *
 * <p><b>Concurrency.</b> Per worker, one drain per department at a time; asks during a drain fold
 * into one more round. A drain that fails or is cancelled clears its mark so the next ask runs.
 * Across workers nothing is coordinated: two drains of one department race and the service picks
 * each winner.
 *
 * <p><b>Shutdown order.</b> The sweep stops, then the subscriptions close (in-flight events return
 * to the group and are handled again by another worker), then the bus.
 */
package dev.parley.assignment.application;
