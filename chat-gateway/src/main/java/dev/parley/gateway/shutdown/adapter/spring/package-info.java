/**
 * Graceful shutdown of a gateway node, within {@code parley.gateway.shutdown-timeout}.
 *
 * <p>Order (Spring stops lifecycles from the highest phase down, then destroys beans):
 * <ol>
 *   <li>{@link dev.parley.gateway.shutdown.adapter.spring.GracefulShutdown} (phase
 *       {@code DEFAULT_PHASE - 512}): readiness DOWN, so the balancer stops sending clients here;
 *       upgrades are refused with 503 and sockets caught mid-upgrade closed with 1012; each open
 *       socket gets a {@code reconnect} frame after the frames already queued for it, then close
 *       1012, spread over {@code shutdown-spread}. Meanwhile the node still consumes and routes
 *       events, so clients that have not left yet miss nothing and those that left resume on
 *       another node with {@code lastSeqs}. Sockets still open at {@code shutdown-timeout} are
 *       closed at once. Then, still in this phase: {@code RoutedDelivery} leaves the consumer
 *       group (its partitions move to the remaining nodes) and stops the registry heartbeat;
 *       {@code Routing} stops listening on the node channel and unregisters whatever users are
 *       left, so no node routes here any more; the rate-limit connection closes.</li>
 *   <li>The web server's graceful shutdown, then its stop: no socket is left to wait for.</li>
 *   <li>Redis' connection factory stops (phase 0): nothing of ours uses it any more.</li>
 *   <li>Bean destruction closes the same components again, which does nothing (it is what
 *       closes them when the context fails before it ever started).</li>
 * </ol>
 * Invariant: a client is told to leave only while events still reach it here, and events stop
 * being consumed here only after every client was told, so a reconnecting client's resume covers
 * every event, none is lost.
 */
package dev.parley.gateway.shutdown.adapter.spring;
