package dev.parley.gateway.socket.application;

import org.springframework.web.reactive.socket.CloseStatus;

/** The close codes of the protocol ({@code docs/protocol.md}); 4xxx mirror HTTP statuses. */
public final class CloseCodes {

    /** The first frame was not a well-formed {@code hello}. */
    public static final CloseStatus NOT_HELLO = new CloseStatus(4400, "the first frame must be hello");
    /** The hello's token is missing, invalid or expired. */
    public static final CloseStatus UNAUTHENTICATED = new CloseStatus(4401, "authentication failed");
    /** The token is valid but may not open a socket (a service token). */
    public static final CloseStatus FORBIDDEN = new CloseStatus(4403, "this token may not open a socket");
    /** The user has as many sockets on this node as one user may: close one (a tab) first. */
    public static final CloseStatus TOO_MANY_SOCKETS = new CloseStatus(4409, "too many sockets of this user");
    /** No hello within the hello timeout. */
    public static final CloseStatus HELLO_TIMEOUT = new CloseStatus(4408, "no hello in time");
    /** The socket fell too far behind (outbound queue full): reconnect and resume with lastSeqs. */
    public static final CloseStatus SLOW_CONSUMER = new CloseStatus(4429, "too slow; reconnect and resume");
    /** A customer's page is not on their inbox's allowed origins, or an agent's not on the console's. */
    public static final CloseStatus ORIGIN_NOT_ALLOWED = new CloseStatus(4403, "origin not allowed");
    /** The socket's token expired and no {@code auth} frame renewed it. */
    public static final CloseStatus TOKEN_EXPIRED = new CloseStatus(4401, "token expired");
    /** Nothing, not even a pong, came from the client within the idle timeout: the connection is cut. */
    public static final CloseStatus IDLE_TIMEOUT = new CloseStatus(1001, "idle: no frame or pong in time");
    /** The node shuts down: reconnect (to another node) and resume with lastSeqs. */
    public static final CloseStatus SERVICE_RESTART = new CloseStatus(1012, "service restart; reconnect");
    /** conversation-service's signing keys could not be fetched to verify the hello's token. */
    public static final CloseStatus TRY_AGAIN = new CloseStatus(1013, "try again later");

    private CloseCodes() {
    }
}
