package dev.parley.gateway.socket.application;


/**
 * What a socket keeps of its upgrade request: the hello is judged by them long after the request
 * is gone. Three strings rather than the request's headers, which cost a socket about a kilobyte
 * for its whole life (HeapPerSocketBenchmark).
 *
 * @param origin        the page's {@code Origin}, or {@code null} when it sent none
 * @param host          the {@code Host} the client asked for, or {@code null}
 * @param clientAddress the key of per-address budgets (the ws adapter's {@code ClientAddress} finds it)
 */
public record Handshake(String origin, String host, String clientAddress) {
}
