/**
 * From the event bus to sockets: {@link dev.parley.gateway.delivery.adapter.bus.RoutedDelivery}
 * (partition owner → target nodes) and {@link dev.parley.gateway.delivery.application.EventFanout}
 * (node → its sockets).
 *
 * <p>Nothing here waits on a socket: queuing is non-blocking and an overflowing socket is closed
 * (4429), so the consumer's pace is independent of clients. Delivery is best effort; completeness
 * comes from resume ({@code lastSeqs}) and {@code events.since}.
 *
 * <p>Start order: listen on the node channel, start heartbeats, then join the consumer group.
 * Shutdown (bean destruction, after the web server stopped): leave the group (its partitions move
 * to the other nodes), stop heartbeats, then {@code Routing.close()} stops listening and
 * unregisters this node's users.
 */
package dev.parley.gateway.delivery.adapter.bus;

import dev.parley.gateway.delivery.application.EventFanout;
