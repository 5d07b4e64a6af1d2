/**
 * Presence: who is online, when they were last seen, and agents reported offline after a grace.
 *
 * <p>Invariants. An agent is connected while the routing registry names any node for them. Their
 * pending report in {@link dev.parley.gateway.presence.application.Presence} is always in the
 * future while a live node holds a socket of theirs (connect and every renewal push it past the
 * registration TTL plus the grace), so it can only fall due once every node lost them, by a close
 * (due a grace later) or a crash (due a grace after the registration expired). A sweeping node
 * re-checks the registry before claiming; the claim is atomic, so one node reports. A reconnect
 * schedules before it registers, which makes a claim racing it fail.
 *
 * <p>Nothing here is needed for correctness of delivery: presence is best effort and every hook
 * swallows (logs) its errors.
 */
package dev.parley.gateway.presence.application;
